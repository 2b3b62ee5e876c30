package io.communique.ingest.raw;

import io.communique.ingest.IngestClient;
import io.communique.model.contracts.IngestFailures;
import io.communique.model.contracts.IngestRequest;
import io.communique.ingest.SourceStatus;
import io.communique.kafka.BadRecord;
import io.communique.kafka.DeadLetters;
import io.communique.kafka.RecordValues;
import io.communique.kafka.KafkaSettings;
import io.communique.model.SchemaValidator;
import io.communique.model.Topics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import io.vertx.kafka.client.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingests what any producer writes to {@link Topics#DOCUMENTS_RAW}: records are handled one by one, each valid one
 * handed to ingest, each invalid one (schema or ingest's own check) dead-lettered; the group's offsets are committed
 * only up to records ingest acknowledged or that were dead-lettered, so a crash or a Kafka outage never loses one.
 */
public final class RawDocumentsVerticle extends VerticleBase {
    public static final String GROUP = "communique-raw-ingest";
    private static final Logger LOG = LoggerFactory.getLogger(RawDocumentsVerticle.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final long FIRST_RETRY_DELAY_MS = 2000;
    private static final long MAX_RETRY_DELAY_MS = 30_000;

    private final KafkaSettings settings;
    private final int maxDocumentBytes;
    private long retryDelayMs = FIRST_RETRY_DELAY_MS;
    private final SchemaValidator validator = new SchemaValidator();
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private DeadLetters deadLetters;
    private SourceStatus status = SourceStatus.starting(Topics.DOCUMENTS_RAW, "kafka");
    private volatile boolean stopped;

    /** @param maxDocumentBytes the largest record value taken, as for a posted report: larger ones are dead-lettered */
    public RawDocumentsVerticle(KafkaSettings settings, int maxDocumentBytes) {
        this.settings = settings;
        this.maxDocumentBytes = maxDocumentBytes;
    }

    @Override
    public Future<?> start() {
        consumer = KafkaConsumer.create(vertx, settings.groupMember(GROUP));
        producer = KafkaProducer.createShared(vertx, "communique-ingest", settings.producer());
        deadLetters = new DeadLetters(producer, GROUP);
        status.publish(vertx);
        return consumer.subscribe(Topics.DOCUMENTS_RAW).onSuccess(v -> pollLoop());
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        return consumer.close().eventually(producer::close);
    }

    private void pollLoop() {
        if (stopped) {
            return;
        }
        consumer.poll(POLL_TIMEOUT).compose(this::handle).onComplete(done -> {
            if (done.failed() && !stopped) {
                LOG.warn("Raw documents: {}; retrying in {} ms", done.cause().getMessage(), retryDelayMs);
                vertx.setTimer(retryDelayMs, id -> pollLoop());
                retryDelayMs = Math.min(MAX_RETRY_DELAY_MS, retryDelayMs * 2);
            } else {
                retryDelayMs = FIRST_RETRY_DELAY_MS;
                pollLoop();
            }
        });
    }

    /** Handles a batch in order; on a failure, commits what was done and rewinds to the first record not done. */
    private Future<Void> handle(KafkaConsumerRecords<String, byte[]> batch) {
        if (batch.isEmpty()) {
            return Future.succeededFuture();
        }
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        List<String> failures = new ArrayList<>();
        int[] ingested = {0};
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < batch.size(); i++) {
            KafkaConsumerRecord<String, byte[]> record = batch.recordAt(i);
            chain = chain.compose(v -> handle(record, failures)).map(wasIngested -> {
                ingested[0] += wasIngested ? 1 : 0;
                done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1, null));
                return null;
            });
        }
        return chain.transform(outcome -> {
            status = status.polled(ingested[0], outcome.failed() ? append(failures, SourceStatus.describe(outcome.cause())) : failures)
                    .publish(vertx);
            Future<Void> committed = done.isEmpty() ? Future.succeededFuture() : consumer.commit(done).mapEmpty();
            return outcome.succeeded() ? committed : committed.transform(c -> rewind(batch, done))
                    .compose(v -> Future.failedFuture(outcome.cause()));
        });
    }

    /**
     * Completes with true once ingested, false once dead-lettered; fails only when ingest could not take it now
     * (Kafka away: {@link IngestFailures#UNAVAILABLE}). Any other refusal would be the same next time.
     */
    private Future<Boolean> handle(KafkaConsumerRecord<String, byte[]> record, List<String> failures) {
        return vertx.executeBlocking(() -> request(record), false).compose(
                request -> IngestClient.ingest(vertx, request).map(reply -> true).recover(error -> {
                    int code = IngestFailures.failureCode(error);
                    if (code == IngestFailures.UNAVAILABLE) {
                        return Future.failedFuture("ingest unavailable: " + SourceStatus.describe(error));
                    }
                    BadRecord.Kind kind = switch (code) {
                        case IngestFailures.BAD_REQUEST -> BadRecord.Kind.WRONG_SHAPE;
                        case IngestFailures.UNPROCESSABLE -> BadRecord.Kind.EXTRACTION_FAILED;
                        default -> BadRecord.Kind.PROCESSING_FAILED;
                    };
                    return deadLetter(record, new BadRecord(kind, "refused by ingest: " + SourceStatus.describe(error)), failures);
                }),
                invalid -> deadLetter(record, invalid instanceof BadRecord bad ? bad
                        : new BadRecord(BadRecord.Kind.PROCESSING_FAILED, SourceStatus.describe(invalid)), failures));
    }

    /** Parses and checks a record (on a worker: a schema check of a large text is not event-loop work). */
    private IngestRequest request(KafkaConsumerRecord<String, byte[]> record) {
        byte[] value = RecordValues.json(record.value(), maxDocumentBytes);
        List<String> problems = validator.problems(Topics.DOCUMENTS_RAW, value);
        if (!problems.isEmpty()) {
            throw new BadRecord(BadRecord.Kind.WRONG_SHAPE, "does not match the schema of " + Topics.DOCUMENTS_RAW + ": "
                    + String.join("; ", problems));
        }
        IngestRequest given = BadRecord.shape(() -> IngestRequest.fromJson(new JsonObject(Buffer.buffer(value))));
        String source = given.source() != null ? given.source() : Topics.DOCUMENTS_RAW;
        return new IngestRequest(given.text(), source, given.url(), given.language(), given.published());
    }

    private Future<Boolean> deadLetter(KafkaConsumerRecord<String, byte[]> record, BadRecord why, List<String> failures) {
        failures.add(record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + why.getMessage());
        return deadLetters.send(record, why).map(false);
    }

    /** Seeks every partition of the batch back to its first record not done, so the next poll resumes there. */
    private Future<Void> rewind(KafkaConsumerRecords<String, byte[]> batch, Map<TopicPartition, OffsetAndMetadata> done) {
        Map<TopicPartition, Long> firstNotDone = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            KafkaConsumerRecord<String, byte[]> record = batch.recordAt(i);
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            OffsetAndMetadata committed = done.get(partition);
            if ((committed == null || record.offset() >= committed.getOffset()) && !firstNotDone.containsKey(partition)) {
                firstNotDone.put(partition, record.offset());
            }
        }
        return Future.all(firstNotDone.entrySet().stream()
                .map(entry -> consumer.seek(entry.getKey(), entry.getValue())).toList()).mapEmpty();
    }

    private static List<String> append(List<String> list, String item) {
        List<String> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
