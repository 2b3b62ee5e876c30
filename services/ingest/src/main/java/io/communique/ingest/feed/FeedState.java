package io.communique.ingest.feed;

import io.communique.model.Ids;
import io.communique.model.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A feed's remembered position, persisted as JSON under {@code $DATA_DIR/sources/} so a restart neither re-ingests
 * nor re-downloads: the validators for the next conditional request and the keys of the items already taken.
 *
 * @param seen item keys (link, else guid) taken from the feed, limited to those the feed still lists
 */
public record FeedState(String url, String etag, String lastModified, List<String> seen) {

    public FeedState {
        seen = List.copyOf(seen);
    }

    public static FeedState empty(String url) {
        return new FeedState(url, null, null, List.of());
    }

    /** Reads the state of a feed (blocking), or an empty one when none was saved. */
    public static FeedState load(Path dir, String url) throws IOException {
        Path file = fileOf(dir, url);
        if (!Files.isRegularFile(file)) {
            return empty(url);
        }
        try {
            return Json.read(Files.readAllBytes(file), FeedState.class);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a valid feed state: " + e.getMessage(), e);
        }
    }

    /** Writes atomically (blocking): a crash leaves the old state or the new one, never half a file. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = fileOf(dir, url);
        Path temporary = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        Files.write(temporary, Json.bytes(this));
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** One file per feed URL, named by its hash (the same SHA-256 as document ids) so any URL makes a safe name. */
    static Path fileOf(Path dir, String url) {
        return dir.resolve("feed-" + Ids.documentId(url).substring(0, 24) + ".json");
    }
}
