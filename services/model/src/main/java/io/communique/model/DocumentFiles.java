package io.communique.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a report from a {@code NNN.txt} file with its optional sidecar {@code NNN.meta.json}
 * ({@code {"id","url","published","language"}}), the layout of seeds/ and of the evaluation corpus.
 */
public final class DocumentFiles {
    private DocumentFiles() {
    }

    /**
     * @param source what to record as the document's source (usually the path as given)
     * @throws IOException with a message fit for a user when the file is missing, not UTF-8 or empty
     */
    public static Document read(Path file, String source, String receivedAt) throws IOException {
        String text = decodeUtf8(file);
        if (text.isBlank()) {
            throw new IOException(file + ": empty report");
        }
        JsonNode meta = readSidecar(file);
        return Document.of(text, source, textOrNull(meta, "url"), textOrNull(meta, "language"),
                textOrNull(meta, "published"), receivedAt);
    }

    /** The sidecar of {@code NNN.txt} is {@code NNN.meta.json} in the same folder. */
    public static Path sidecarOf(Path file) {
        String name = file.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        return file.resolveSibling(stem + ".meta.json");
    }

    private static String decodeUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text", e);
        }
    }

    private static JsonNode readSidecar(Path file) throws IOException {
        Path sidecar = sidecarOf(file);
        if (!Files.isRegularFile(sidecar)) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(sidecar.toFile());
        } catch (IOException e) {
            throw new IOException(sidecar + ": not valid JSON: " + Json.describe(e), e);
        }
    }

    private static String textOrNull(JsonNode meta, String field) {
        if (meta == null || !meta.hasNonNull(field)) {
            return null;
        }
        return meta.get(field).asText();
    }
}
