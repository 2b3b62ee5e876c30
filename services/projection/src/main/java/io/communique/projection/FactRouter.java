package io.communique.projection;

import io.communique.kafka.ConsumerLoop;
import io.communique.kafka.DeadLetters;
import io.communique.kafka.KafkaSettings;
import io.communique.model.Fact;
import io.communique.model.FactReader;
import io.communique.model.SchemaValidator;
import io.communique.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Routes every fact to the partitions of the views it changes: one copy per participant to
 * {@link Topics#FACTS_BY_COUNTRY} keyed by country, one per topic id to {@link Topics#FACTS_BY_TOPIC}, one to
 * {@link Topics#FACTS_BY_EVENT} keyed by its event id (facts of extractors before 1.2 have none: no event). A fact
 * between China and Russia is keyed "CN|RU" on the fact topic, but China's view must see all of China's facts on one
 * partition. Invalid facts go to the dead-letter topic here, the first place that reads them.
 */
final class FactRouter extends ConsumerLoop {
    static final String GROUP = "communique-router";
    private final KafkaProducer<String, byte[]> producer;
    private final SchemaValidator validator = new SchemaValidator();

    FactRouter(KafkaSettings settings, KafkaProducer<String, byte[]> producer) {
        super("communique-router", settings, GROUP, Topics.FACTS);
        this.producer = producer;
    }

    @Override
    protected void process(ConsumerRecords<String, byte[]> records) throws Exception {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            List<String> problems = validator.problems(Topics.FACTS, record.value());
            if (!problems.isEmpty()) {
                sends.add(producer.send(DeadLetters.letter(record, "invalid fact: " + String.join("; ", problems))));
                continue;
            }
            Fact fact = FactReader.read(record.value());
            fact.participants().forEach(code -> sends.add(producer.send(copy(record, Topics.FACTS_BY_COUNTRY, code))));
            fact.topics().forEach(id -> sends.add(producer.send(copy(record, Topics.FACTS_BY_TOPIC, id))));
            if (fact.eventId() != null) {
                sends.add(producer.send(copy(record, Topics.FACTS_BY_EVENT, fact.eventId())));
            }
        }
        for (Future<RecordMetadata> send : sends) {
            send.get(); // all acknowledged before the batch is committed
        }
    }

    private static ProducerRecord<String, byte[]> copy(ConsumerRecord<String, byte[]> record, String topic, String key) {
        return new ProducerRecord<>(topic, null, key, record.value(), record.headers());
    }
}
