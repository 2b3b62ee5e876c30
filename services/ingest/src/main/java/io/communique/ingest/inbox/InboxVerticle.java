package io.communique.ingest.inbox;

import io.communique.ingest.IngestClient;
import io.communique.model.contracts.IngestRequest;
import io.communique.ingest.IngestVerticle;
import io.communique.ingest.SourceStatus;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Watches {@code $DATA_DIR/inbox}: every second (on a worker thread) it lists the folder, and a file whose size and
 * modification time did not change since the previous look is complete; it is ingested, then moved to
 * {@code processed/}, or to {@code failed/} beside a {@code NAME.reason.txt}. A file is therefore taken one to two
 * seconds after its last write; writers that cannot pause may write elsewhere and rename into the folder. When Kafka
 * is unavailable the file stays where it is and is tried again; whatever would fail again (a symbolic link, which is
 * never followed, a file above the document limit, one that is no document, one the extractor fails on) goes to
 * {@code failed/} at once.
 */
public final class InboxVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(InboxVerticle.class);
    private static final long POLL_MS = 1000;

    private final Path inbox;
    private final long maxDocumentBytes;
    private final Path processed;
    private final Path failed;
    /** What each file looked like at the previous poll; only touched on the (ordered) worker. */
    private Map<Path, Snapshot> previous = new HashMap<>();
    private SourceStatus status;
    private long timer = -1;
    private volatile boolean stopped;

    private record Snapshot(long size, FileTime modified) {
    }

    /** @param maxDocumentBytes the largest file taken: the document limit of the API ({@code MAX_DOCUMENT_BYTES}) */
    public InboxVerticle(Path inbox, long maxDocumentBytes) {
        this.inbox = inbox;
        this.maxDocumentBytes = maxDocumentBytes;
        this.processed = inbox.resolve("processed");
        this.failed = inbox.resolve("failed");
    }

    @Override
    public Future<?> start() {
        status = SourceStatus.starting(inbox.toString(), "inbox").publish(vertx);
        return vertx.executeBlocking(() -> {
            Files.createDirectories(processed);
            Files.createDirectories(failed);
            return null;
        }).onSuccess(v -> schedule());
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    private void schedule() {
        if (!stopped) {
            timer = vertx.setTimer(POLL_MS, id -> poll());
        }
    }

    private void poll() {
        vertx.executeBlocking(this::completeFiles).compose(files -> {
            List<String> failures = new ArrayList<>();
            int[] ingested = {0};
            Future<Void> chain = Future.succeededFuture();
            for (Path file : files) {
                chain = chain.compose(v -> take(file).transform(result -> {
                    if (result.failed()) {
                        failures.add(file.getFileName() + ": " + SourceStatus.describe(result.cause()));
                    } else if (result.result() != null) {
                        failures.add(file.getFileName() + ": " + result.result());
                    } else {
                        ingested[0]++;
                    }
                    return Future.succeededFuture();
                }));
            }
            return chain.map(v -> {
                status = status.polled(ingested[0], failures).publish(vertx);
                return null;
            });
        }).onFailure(error -> {
            LOG.warn("Inbox {}: {}", inbox, error.getMessage());
            status = status.polled(0, List.of(SourceStatus.describe(error))).publish(vertx);
        }).onComplete(done -> schedule());
    }

    /** The files (and links) unchanged since the previous poll, in name order (blocking). */
    private List<Path> completeFiles() throws IOException {
        Map<Path, Snapshot> now = new HashMap<>();
        try (Stream<Path> entries = Files.list(inbox)) {
            for (Path file : entries.toList()) {
                if (!file.getFileName().toString().startsWith(".")) { // hidden: an editor's or uploader's temporary
                    Snapshot snapshot = snapshot(file);
                    if (snapshot != null) {
                        now.put(file, snapshot);
                    }
                }
            }
        }
        List<Path> complete = now.entrySet().stream()
                .filter(entry -> entry.getValue().equals(previous.get(entry.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
        previous = now;
        complete.forEach(previous::remove);
        return complete;
    }

    /**
     * The entry itself, never a link's target (a link is taken, to be set aside unread); null for folders and for
     * what vanished since the listing.
     */
    private static Snapshot snapshot(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() || attributes.isSymbolicLink()
                    ? new Snapshot(attributes.size(), attributes.lastModifiedTime()) : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Ingests one file and moves it: completes with null when it went to processed/, with the reason when it went to
     * failed/; fails, leaving the file in place for the next poll, when ingest was unavailable.
     */
    private Future<String> take(Path file) {
        return vertx.executeBlocking(() -> InboxFile.read(file, maxDocumentBytes))
                .compose(request -> IngestClient.ingest(vertx, request).<String>map(reply -> null)
                                .recover(error -> IngestVerticle.isPermanent(error)
                                        ? Future.succeededFuture(SourceStatus.describe(error))
                                        : Future.failedFuture("not ingested yet, will retry: " + SourceStatus.describe(error))),
                        unreadable -> Future.succeededFuture(SourceStatus.describe(unreadable)))
                .compose(reason -> move(file, reason == null ? processed : failed, reason).map(reason));
    }

    /** Moves the file into {@code folder} (under a fresh name if taken), with its reason file when given (blocking on a worker). */
    private Future<Void> move(Path file, Path folder, String reason) {
        return vertx.executeBlocking(() -> {
            // Links are never followed here either: a link moves as itself, and one planted as a reason file's name
            // must not make the app write through it.
            Path target = folder.resolve(file.getFileName());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                target = folder.resolve(System.currentTimeMillis() + "-" + file.getFileName());
            }
            Files.move(file, target);
            if (reason != null) {
                Files.writeString(target.resolveSibling(target.getFileName() + ".reason.txt"), reason + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                LOG.warn("Inbox: {} failed: {}", file.getFileName(), reason);
            }
            return null;
        });
    }
}
