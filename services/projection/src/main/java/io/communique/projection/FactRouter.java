package io.communique.projection;

import io.communique.kafka.BadRecord;
import io.communique.kafka.ConsumerLoop;
import io.communique.kafka.FactRecords;
import io.communique.kafka.KafkaSettings;
import io.communique.model.Fact;
import io.communique.model.SchemaValidator;
import io.communique.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Routes every fact to the partitions of the views it changes: one copy per participant to
 * {@link Topics#FACTS_BY_COUNTRY} keyed by country, one per topic id to {@link Topics#FACTS_BY_TOPIC}, one to
 * {@link Topics#FACTS_BY_PARTIES} keyed by its parties, as the fact topic keys it (the events of the same parties are
 * resolved together). A fact
 * between China and Russia is keyed "CN|RU" on the fact topic, but China's view must see all of China's facts on one
 * partition. Invalid facts go to the dead-letter topic here, the first place that reads them, so the routed topics
 * hold only facts that read whole.
 */
final class FactRouter extends ConsumerLoop {
    static final String GROUP = "communique-router";
    private final KafkaProducer<String, byte[]> producer;
    private final SchemaValidator validator = new SchemaValidator();
    private final List<Future<RecordMetadata>> sends = new ArrayList<>();

    FactRouter(KafkaSettings settings, KafkaProducer<String, byte[]> producer) {
        super(GROUP, settings, GROUP, Topics.FACTS, producer::send);
        this.producer = producer;
    }

    @Override
    protected void handle(ConsumerRecord<String, byte[]> record) {
        FactRecords.checkIsRetraction(record);
        List<String> problems = validator.problems(Topics.FACTS, record.value());
        if (!problems.isEmpty()) {
            throw new BadRecord(BadRecord.Kind.WRONG_SHAPE, "invalid fact: " + String.join("; ", problems));
        }
        Fact fact = FactRecords.read(record);
        List<ProducerRecord<String, byte[]>> copies = new ArrayList<>();
        fact.participants().forEach(code -> copies.add(copy(record, Topics.FACTS_BY_COUNTRY, code)));
        fact.topics().forEach(id -> copies.add(copy(record, Topics.FACTS_BY_TOPIC, id)));
        copies.add(copy(record, Topics.FACTS_BY_PARTIES, Topics.factKey(fact)));
        copies.forEach(copy -> sends.add(producer.send(copy))); // only once the whole fact was read
    }

    @Override
    protected Duration maxBatchTime() {
        return ProjectionVerticle.BACKLOG_BATCH_TIME;
    }

    @Override
    protected void completeBatch() throws Exception {
        for (Future<RecordMetadata> send : sends) {
            send.get(); // all acknowledged before the batch is committed
        }
        sends.clear();
    }

    @Override
    protected void batchFailed() {
        sends.clear();
    }

    private static ProducerRecord<String, byte[]> copy(ConsumerRecord<String, byte[]> record, String topic, String key) {
        return new ProducerRecord<>(topic, null, key, record.value(), record.headers());
    }
}
