package io.communique.ingest;

import io.communique.extract.Extractor;
import io.communique.kafka.BadRecord;
import io.communique.kafka.ConsumerLoop;
import io.communique.kafka.DeadLetters;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.RecordValues;
import io.communique.model.Document;
import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.SchemaValidator;
import io.communique.model.Topics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Repairs documents recorded without their facts. Ingest publishes a document, then its facts; a crash in between
 * leaves the document alone in the log. This consumer-group member follows {@link Topics#DOCUMENTS} (the ingest
 * instances share its partitions) and, for every document that this process did not publish the facts of itself,
 * extracts the facts again and publishes them; the offset is committed only once Kafka has acknowledged them. After
 * a crash everything past the last commit is therefore re-extracted. Re-publishing facts that did reach Kafka is
 * harmless: their ids are the same and the views apply each fact once.
 *
 * <p>Extraction runs on this loop's own thread (one core at most, never an event loop); the records are written by
 * the ingest verticle's producer, on its context. Invalid documents go to the dead-letter topic.
 */
public final class DocumentRepair extends ConsumerLoop {
    public static final String GROUP = "communique.ingest.repair";
    private static final Logger LOG = LoggerFactory.getLogger(DocumentRepair.class);
    /** Longer than any in-flight publishing can last (producer max block + two delivery timeouts). */
    private static final long IN_FLIGHT_WAIT_S = 60;
    private static final long ACK_WAIT_S = 120;

    /**
     * What the repair did since this process started.
     *
     * @param confirmed      documents whose facts this process had published itself: skipped
     * @param repaired       documents whose facts were extracted and published again
     * @param factsPublished facts the repaired documents gave
     * @param deadLettered   records that were no valid document, or whose extraction failed
     * @param caughtUp       the documents recorded before this start have all been checked
     */
    public record Counts(long confirmed, long repaired, long factsPublished, long deadLettered, boolean caughtUp) {
        /** Without the ingest role: nothing repaired here. */
        public static final Counts NONE = new Counts(0, 0, 0, 0, false);
    }

    /** A valid document whose facts this process did not publish, with the facts extracted again. */
    private record Repair(Document document, List<Fact> facts) {
    }

    private final RecentIngests recent;
    private final Extractor extractor;
    private final Context context;
    private final FactPublisher publisher;
    private final SchemaValidator validator = new SchemaValidator();
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong repaired = new AtomicLong();
    private final AtomicLong factsPublished = new AtomicLong();
    /** This batch's documents to repair, by id: a document recorded twice in one batch is repaired once. */
    private final Map<String, Repair> pending = new LinkedHashMap<>();
    private long confirmedHere;

    /** @param context where {@code publisher} and {@code deadLetters} may be used: the ingest verticle's */
    DocumentRepair(KafkaSettings settings, RecentIngests recent, Extractor extractor, Context context,
                   FactPublisher publisher, DeadLetters deadLetters) {
        super("communique-ingest-repair", settings, GROUP, Topics.DOCUMENTS,
                letter -> onContext(context, () -> deadLetters.send(letter)));
        this.recent = recent;
        this.extractor = extractor;
        this.context = context;
        this.publisher = publisher;
    }

    Counts counts() {
        return new Counts(confirmed.get(), repaired.get(), factsPublished.get(), deadLettered(), caughtUp().isDone());
    }

    @Override
    protected void handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        byte[] value = RecordValues.json(record.value(), Integer.MAX_VALUE); // the broker bounds a document's size
        List<String> problems = validator.problems(Topics.DOCUMENTS, value);
        if (!problems.isEmpty()) {
            throw new BadRecord(BadRecord.Kind.WRONG_SHAPE, "invalid document: " + String.join("; ", problems));
        }
        Document document = BadRecord.shape(() -> Json.read(value, Document.class));
        if (publishedHere(document.id())) {
            confirmedHere++;
            return;
        }
        List<Fact> facts;
        try {
            facts = extractor.extract(document);
        } catch (RuntimeException e) {
            throw new BadRecord(BadRecord.Kind.EXTRACTION_FAILED, "extraction failed: " + e, e);
        }
        pending.put(document.id(), new Repair(document, facts));
    }

    @Override
    protected void completeBatch() throws Exception {
        if (!pending.isEmpty()) {
            onContext(context, () -> Future.all(pending.values().stream()
                    .map(repair -> publisher.facts(repair.facts(), repair.document())).toList()))
                    .get(ACK_WAIT_S, TimeUnit.SECONDS);
            long factCount = pending.values().stream().mapToLong(repair -> repair.facts().size()).sum();
            long total = repaired.addAndGet(pending.size());
            factsPublished.addAndGet(factCount);
            Document first = pending.values().iterator().next().document();
            LOG.info("Repaired {} documents recorded without their facts ({} since start): {} facts published, "
                    + "first {} from {}", pending.size(), total, factCount, first.id(), first.source());
        }
        confirmed.addAndGet(confirmedHere);
        batchFailed();
    }

    @Override
    protected void batchFailed() {
        pending.clear();
        confirmedHere = 0;
    }

    /** True once this process's own publishing of the document's facts succeeded (waiting if it is in flight). */
    private boolean publishedHere(String documentId) throws InterruptedException {
        Future<Void> outcome = recent.outcome(documentId);
        if (outcome == null) {
            return false;
        }
        try {
            outcome.toCompletionStage().toCompletableFuture().get(IN_FLIGHT_WAIT_S, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false; // its sender got an error: repairing is the safe side
        }
    }

    /** Runs {@code sends} on the verticle's context (where its producer lives); completes when Kafka has answered. */
    private static CompletableFuture<Object> onContext(Context context, Supplier<Future<?>> sends) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        context.runOnContext(v -> sends.get().onComplete(done::complete, done::completeExceptionally));
        return done;
    }
}
