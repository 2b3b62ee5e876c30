package io.communique.ingest.inbox;

import io.communique.model.contracts.IngestRequest;
import io.communique.model.contracts.Utf8;
import io.communique.ingest.web.ArticleText;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Turns a dropped file into an ingest request: {@code .txt} (UTF-8), {@code .html} (main text) or {@code .json}; read
 * by {@link InboxBytes}, so never through a link and never beyond the document limit.
 */
final class InboxFile {
    private InboxFile() {
    }

    /**
     * Reads the file (blocking).
     *
     * @param maxBytes the document limit, the same as for a posted report
     * @throws IOException with the reason fit for the file's {@code .reason.txt} when it cannot become a document
     */
    static IngestRequest read(Path file, long maxBytes) throws IOException {
        String name = file.getFileName().toString();
        String source = "inbox/" + name;
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!List.of("txt", "html", "htm", "json").contains(extension)) {
            throw new IOException("unsupported file type '" + name + "': drop .txt, .html or .json files");
        }
        byte[] bytes = InboxBytes.read(file, maxBytes);
        IngestRequest request = switch (extension) {
            case "txt" -> new IngestRequest(text(bytes), source, null, null, null);
            case "json" -> fromJson(bytes, source);
            default -> {
                ArticleText.Article article = ArticleText.extract(bytes, null, file.toUri().toString());
                yield new IngestRequest(article.text(), source, null, article.language(), article.published());
            }
        };
        String problem = request.problem();
        if (problem != null) {
            throw new IOException(problem);
        }
        return request;
    }

    private static String text(byte[] bytes) throws IOException {
        String text;
        try {
            text = Utf8.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text", e);
        }
        if (text.isBlank()) {
            throw new IOException("empty report");
        }
        return text;
    }

    /** {@code {text, published?, language?, url?}}, the same fields as a JSON POST. */
    private static IngestRequest fromJson(byte[] bytes, String source) throws IOException {
        JsonObject json;
        try {
            json = new JsonObject(Buffer.buffer(bytes));
        } catch (DecodeException | ClassCastException e) {
            throw new IOException("not a JSON object {text, published?, language?, url?}: " + e.getMessage(), e);
        }
        try {
            IngestRequest given = IngestRequest.fromJson(json);
            return new IngestRequest(given.text(), source, given.url(), given.language(), given.published());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
