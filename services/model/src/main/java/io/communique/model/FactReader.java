package io.communique.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a fact with Jackson's streaming parser: the same {@link Fact} as {@code Json.read(json, Fact.class)}, in
 * about half the time. A projection rebuild is mostly reading facts, and the generic data binding (property
 * buffering for the record's constructor) cost more than the folds themselves.
 *
 * <p>The short values that recur across facts (codes, dates, places, names, topics, the extractor) are shared
 * between the facts read: a projection keeps its facts on the heap, and a third fewer objects per fact is that
 * much less for the garbage collector to copy while a rebuild's live set grows.
 */
public final class FactReader {
    /** Values longer than this are seldom repeated (evidence, titles, ids) and are not shared. */
    private static final int SHARED_MAX_LENGTH = 40;
    /** Bounds the shared values, so that unusual input cannot grow them without end. */
    private static final int SHARED_MAX_COUNT = 50_000;
    private static final Interner<String> SHARED = new Interner<>(SHARED_MAX_COUNT);
    private static final Interner<ExtractorInfo> EXTRACTORS = new Interner<>(SHARED_MAX_COUNT);

    private FactReader() {
    }

    /** Reads a fact; a malformed or mistyped input throws {@link IllegalArgumentException} saying why. */
    public static Fact read(byte[] json) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, "a fact");
            Fact fact = fact(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("not a valid Fact: trailing content after the object");
            }
            return fact;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid Fact: " + Json.describe(e), e);
        }
    }

    /**
     * Reads only what folding a fact into views needs ({@link FactOutline}) in one pass over the bytes, stepping over
     * the rest and stopping once it has those fields ({@link Fact} writes them first): several times cheaper than
     * {@link #read}, for the many facts a view counts but never shows. Throws {@link IllegalArgumentException} saying
     * why when what it reads is not a fact; the values skipped are checked only for balanced brackets and quotes,
     * those after the outline not at all (see {@link OutlineScanner}).
     */
    public static FactOutline outline(byte[] json) {
        return OutlineScanner.scan(json);
    }

    private static Fact fact(JsonParser parser) throws IOException {
        String id = null, documentId = null, source = null, initiator = null, date = null, endDate = null;
        String location = null, title = null, eventId = null, partOf = null;
        FactType type = null;
        List<String> participants = null, persons = null, topics = null;
        double confidence = 0;
        Evidence evidence = null;
        ExtractorInfo extractor = null;
        EventCodes codes = null;
        Provenance provenance = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (field) {
                case "id" -> id = text(parser, token, field);
                case "documentId" -> documentId = text(parser, token, field);
                case "source" -> source = shared(text(parser, token, field));
                case "type" -> type = type(parser, token);
                case "participants" -> participants = texts(parser, token, field);
                case "initiator" -> initiator = shared(text(parser, token, field));
                case "persons" -> persons = texts(parser, token, field);
                case "date" -> date = shared(text(parser, token, field));
                case "endDate" -> endDate = shared(text(parser, token, field));
                case "location" -> location = shared(text(parser, token, field));
                case "title" -> title = text(parser, token, field);
                case "topics" -> topics = texts(parser, token, field);
                case "confidence" -> confidence = number(parser, token, field);
                case "evidence" -> evidence = evidence(parser, token);
                case "extractor" -> extractor = extractor(parser, token);
                case "eventId" -> eventId = text(parser, token, field);
                case "partOf" -> partOf = text(parser, token, field);
                case "codes" -> codes = token == JsonToken.VALUE_NULL ? null : Json.nested(EventCodes.class).readValue(parser);
                case "provenance" -> provenance = token == JsonToken.VALUE_NULL ? null : Json.nested(Provenance.class).readValue(parser);
                default -> parser.skipChildren(); // additive schema changes stay readable
            }
        }
        if (participants == null) {
            throw new IllegalArgumentException("not a valid Fact: no participants");
        }
        return new Fact(id, documentId, source, type, participants, initiator, persons, date, endDate, location, title,
                topics, confidence, evidence, extractor, eventId, partOf, codes, provenance);
    }

    private static Evidence evidence(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token, JsonToken.START_OBJECT, "evidence");
        String text = null;
        int start = 0, end = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "text" -> text = text(parser, value, field);
                case "start" -> start = integer(parser, value, field);
                case "end" -> end = integer(parser, value, field);
                default -> parser.skipChildren();
            }
        }
        return new Evidence(text, start, end);
    }

    private static ExtractorInfo extractor(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token, JsonToken.START_OBJECT, "extractor");
        String name = null, version = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "name" -> name = text(parser, value, field);
                case "version" -> version = text(parser, value, field);
                default -> parser.skipChildren();
            }
        }
        return EXTRACTORS.intern(new ExtractorInfo(name, version));
    }

    private static FactType type(JsonParser parser, JsonToken token) throws IOException {
        String name = text(parser, token, "type");
        if (name == null) {
            return null;
        }
        try {
            return FactType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid Fact: type '" + abbreviate(name) + "' is not a fact type");
        }
    }

    private static String text(JsonParser parser, JsonToken token, String field) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token, JsonToken.VALUE_STRING, field);
        return parser.getText();
    }

    private static List<String> texts(JsonParser parser, JsonToken token, String field) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token, JsonToken.START_ARRAY, field);
        List<String> values = new ArrayList<>(4);
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            expect(item, JsonToken.VALUE_STRING, field);
            values.add(shared(parser.getText()));
        }
        return values;
    }

    /** The one instance of a short recurring value. */
    private static String shared(String value) {
        return value == null || value.length() > SHARED_MAX_LENGTH ? value : SHARED.intern(value);
    }

    private static double number(JsonParser parser, JsonToken token, String field) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
            throw new IllegalArgumentException("not a valid Fact: " + field + " must be a number");
        }
        return parser.getDoubleValue();
    }

    private static int integer(JsonParser parser, JsonToken token, String field) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw new IllegalArgumentException("not a valid Fact: " + field + " must be a whole number");
        }
        return parser.getIntValue();
    }

    private static void expect(JsonToken token, JsonToken expected, String what) {
        if (token != expected) {
            throw new IllegalArgumentException("not a valid Fact: " + what + " must be "
                    + switch (expected) {
                        case START_OBJECT -> "an object";
                        case START_ARRAY -> "an array of strings";
                        default -> "a string";
                    });
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
