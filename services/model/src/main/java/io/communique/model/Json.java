package io.communique.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.io.UncheckedIOException;

/** The one JSON mapping for records on topics and over HTTP: stable field order, so equal views give equal bytes. */
public final class Json {
    private Json() {
    }

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // additive schema changes stay readable
            // A record is one value: "{…}{…}" is rejected whole rather than read as its first object.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * For a value inside a document being parsed (a fact's nested objects): the rest of the document follows it, so
     * trailing tokens are expected there; the whole record is checked for them by its reader.
     */
    public static ObjectReader nested(Class<?> type) {
        return NESTED.computeIfAbsent(type, t -> MAPPER.readerFor(t).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
    }

    private static final Map<Class<?>, ObjectReader> NESTED = new ConcurrentHashMap<>();

    /** One reader per type: resolving the type on every call cost a few percent of a projection rebuild. */
    private static final Map<Class<?>, ObjectReader> READERS = new ConcurrentHashMap<>();

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a value; a malformed or mistyped input throws {@link IllegalArgumentException} saying why. */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return READERS.computeIfAbsent(type, MAPPER::readerFor).readValue(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid " + type.getSimpleName() + ": " + describe(e), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    /** A parse error's message without Jackson's source excerpt, which could echo large untrusted input. */
    public static String describe(IOException e) {
        return e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
    }
}
