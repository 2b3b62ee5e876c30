package io.communique.ingest.inbox;

import io.communique.ingest.IngestRequest;
import io.communique.ingest.web.ArticleText;
import io.communique.model.Document;
import io.communique.model.DocumentFiles;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** Turns a dropped file into an ingest request: {@code .txt} (UTF-8), {@code .html} (main text) or {@code .json}. */
final class InboxFile {
    private InboxFile() {
    }

    /**
     * Reads the file (blocking).
     *
     * @throws IOException with the reason fit for the file's {@code .reason.txt} when it cannot become a document
     */
    static IngestRequest read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String source = "inbox/" + name;
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        IngestRequest request = switch (extension) {
            case "txt" -> {
                Document document = DocumentFiles.read(file, source, Instant.now().toString());
                yield new IngestRequest(document.text(), source, document.url(), document.language(), document.published());
            }
            case "html", "htm" -> {
                ArticleText.Article article = ArticleText.extract(Files.readAllBytes(file), null, file.toUri().toString());
                yield new IngestRequest(article.text(), source, null, article.language(), article.published());
            }
            case "json" -> fromJson(file, source);
            default -> throw new IOException("unsupported file type '" + name + "': drop .txt, .html or .json files");
        };
        String problem = request.problem();
        if (problem != null) {
            throw new IOException(problem);
        }
        return request;
    }

    /** {@code {text, published?, language?, url?}}, the same fields as a JSON POST. */
    private static IngestRequest fromJson(Path file, String source) throws IOException {
        JsonObject json;
        try {
            json = new JsonObject(Buffer.buffer(Files.readAllBytes(file)));
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
