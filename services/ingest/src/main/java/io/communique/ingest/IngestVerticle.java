package io.communique.ingest;

import io.communique.extract.Extractor;
import io.communique.kafka.DeadLetters;
import io.communique.kafka.KafkaSettings;
import io.communique.model.Document;
import io.communique.model.DocumentFiles;
import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.contracts.BusAddresses;
import io.communique.model.contracts.IngestRequest;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.communique.model.contracts.IngestFailures.BAD_REQUEST;
import static io.communique.model.contracts.IngestFailures.UNAVAILABLE;
import static io.communique.model.contracts.IngestFailures.UNPROCESSABLE;
import static io.communique.model.contracts.IngestFailures.failureCode;

/**
 * Takes documents (from the event bus and from the seeds folder at start-up), extracts their facts on a worker
 * thread and publishes the document, then its facts, to Kafka. A request is answered only once Kafka has
 * acknowledged every record, so an accepted document is never lost; ids are deterministic, so sending the same
 * document again changes no view. A document recorded without its facts (a crash in between) is repaired by
 * {@link DocumentRepair}, which runs beside it.
 */
public final class IngestVerticle extends VerticleBase {
    /** Event-bus address: body {@link IngestRequest#toJson()}, reply {@code {documentId, facts: [id…]}}. */
    public static final String ADDRESS = BusAddresses.INGEST;
    /** Event-bus address: re-extract every document with the current extractor; replies with the diff report. */
    public static final String REEXTRACT_ADDRESS = BusAddresses.REEXTRACT;

    private static final Logger LOG = LoggerFactory.getLogger(IngestVerticle.class);
    /** Documents remembered for the repair: it reads them within moments, so this covers any burst many times. */
    private static final int RECENT_INGESTS = 20_000;

    private final KafkaSettings settings;
    private final Path seedsDir;
    private final Extractor extractor;
    private KafkaProducer<String, byte[]> producer;
    private FactPublisher publisher;
    private final RecentIngests recent = new RecentIngests(RECENT_INGESTS);
    private volatile DocumentRepair repair;

    /** @param seedsDir folder of NNN.txt reports (with optional NNN.meta.json) ingested at start, or null */
    public IngestVerticle(KafkaSettings settings, Path seedsDir, Extractor extractor) {
        this.settings = settings;
        this.seedsDir = seedsDir;
        this.extractor = extractor;
    }

    @Override
    public Future<?> start() {
        producer = KafkaProducer.createShared(vertx, "communique-ingest", settings.producer());
        publisher = new FactPublisher(producer);
        Reextraction reextraction = new Reextraction(vertx, settings, extractor, publisher);
        vertx.eventBus().<JsonObject>consumer(REEXTRACT_ADDRESS, message -> reextraction.run()
                .onSuccess(report -> message.reply(new JsonObject(Json.write(report))))
                .onFailure(error -> message.fail(UNAVAILABLE, "re-extraction failed: " + error.getMessage())));
        return vertx.eventBus().<JsonObject>consumer(ADDRESS, this::onRequest).completion()
                // Kafka clients load classes while constructed: on a worker, not the event loop.
                .compose(v -> vertx.executeBlocking(() -> {
                    repair = new DocumentRepair(settings, recent, extractor, context, publisher, new DeadLetters(producer, DocumentRepair.GROUP));
                    repair.start();
                    return null;
                }))
                .compose(v -> ingestSeeds());
    }

    @Override
    public Future<?> stop() {
        // Closing waits until the repair has left its group: not on the event loop.
        return vertx.executeBlocking(() -> {
            if (repair != null) {
                repair.close();
            }
            return null;
        }).compose(v -> producer.close());
    }

    /** What the repair of documents recorded without their facts has done since start. */
    public DocumentRepair.Counts repairCounts() {
        return repair == null ? DocumentRepair.Counts.NONE : repair.counts();
    }

    private void onRequest(Message<JsonObject> message) {
        IngestRequest request;
        try {
            request = IngestRequest.fromJson(message.body());
        } catch (IllegalArgumentException e) {
            message.fail(BAD_REQUEST, e.getMessage());
            return;
        }
        String problem = request.problem();
        if (problem != null) {
            message.fail(BAD_REQUEST, problem);
            return;
        }
        Document document = Document.of(request.text(), request.source(), request.url(), request.language(),
                request.published(), Instant.now().toString());
        ingest(document)
                .onSuccess(facts -> message.reply(new JsonObject()
                        .put("documentId", document.id())
                        .put("facts", new JsonArray(facts.stream().map(Fact::id).toList()))))
                .onFailure(error -> {
                    if (error instanceof ExtractionFailed) {
                        message.fail(UNPROCESSABLE, error.getMessage());
                    } else {
                        message.fail(UNAVAILABLE, "Kafka did not acknowledge the document: " + error.getMessage());
                    }
                });
    }

    /**
     * Extracts and publishes one document; completes with its facts once Kafka has acknowledged all records. Fails
     * with {@link ExtractionFailed} when the extractor throws, so callers can tell it from Kafka being away.
     */
    public Future<List<Fact>> ingest(Document document) {
        return vertx.executeBlocking(() -> extractor.extract(document), false)
                .recover(error -> {
                    // The cause stays in the log: replies go to strangers and must not carry internals.
                    LOG.error("Extraction failed for document {} from {}", document.id(), document.source(), error);
                    return Future.failedFuture(new ExtractionFailed(document.id()));
                })
                .compose(facts -> recent.track(document.id(), () -> publisher.document(document)
                        .compose(documentStored -> publisher.facts(facts, document))));
    }

    private Future<Void> ingestSeeds() {
        if (seedsDir == null) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(this::readSeeds).compose(documents -> {
            Future<Void> chain = Future.succeededFuture();
            for (Document document : documents) {
                chain = chain.compose(v -> ingest(document)).map(facts -> {
                    LOG.info("Seed {}: {} facts", document.source(), facts.size());
                    return null;
                });
            }
            return chain;
        });
    }

    private List<Document> readSeeds() throws IOException {
        if (!Files.isDirectory(seedsDir)) {
            LOG.info("No seeds folder at {}", seedsDir.toAbsolutePath());
            return List.of();
        }
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(seedsDir)) {
            for (Path file : files.filter(IngestVerticle::isReport).sorted().toList()) {
                String source = seedsDir.getFileName() + "/" + file.getFileName();
                try {
                    documents.add(DocumentFiles.read(file, source, Instant.now().toString()));
                } catch (IOException e) {
                    LOG.error("Seed skipped: {}", e.getMessage()); // one bad seed must not keep the app down
                }
            }
        }
        return documents;
    }

    private static boolean isReport(Path file) {
        return file.getFileName().toString().endsWith(".txt") && Files.isRegularFile(file);
    }

    /**
     * Whether a failed ingest request would fail again however often it is sent (bad request, extraction failure):
     * sources then set the document aside instead of retrying it; anything else (Kafka away, no reply) is transient.
     */
    public static boolean isPermanent(Throwable error) {
        int code = failureCode(error);
        return code == BAD_REQUEST || code == UNPROCESSABLE;
    }

    /** The extractor threw on a document: a property of the document and this extractor, not of the moment. */
    public static final class ExtractionFailed extends RuntimeException {
        ExtractionFailed(String documentId) {
            super("the extractor failed on this report, nothing was stored (server log: document " + documentId + ")",
                    null, false, false);
        }
    }
}
