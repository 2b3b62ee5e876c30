package io.communique.web;

import io.communique.model.TopicSpec;
import io.communique.model.Topics;
import io.vertx.core.Future;
import io.vertx.kafka.admin.ConsumerGroupListing;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.ListOffsetsResultInfo;
import io.vertx.kafka.admin.OffsetSpec;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * What a subscriber or operator wants to know about the streams: each of our topics with its schema, partitions, end
 * offsets and recent record rate, and every consumer group reading them with its lag per partition — so a team that
 * subscribed its own consumer sees whether it keeps up. Read from Kafka's Admin API on each request.
 */
final class Streams {
    private final KafkaAdminClient admin;
    private final LongSupplier clockMillis;
    /** The previous sample of records per topic, for the rate. */
    private Map<String, Long> lastTotals = Map.of();
    private long lastSampleMillis;

    Streams(KafkaAdminClient admin, LongSupplier clockMillis) {
        this.admin = admin;
        this.clockMillis = clockMillis;
    }

    Future<Map<String, Object>> snapshot() {
        List<String> names = Topics.ALL.stream().map(TopicSpec::name).toList();
        return admin.describeTopics(names).compose(descriptions -> {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            descriptions.forEach((name, description) -> description.getPartitions().forEach(partition ->
                    latest.put(new TopicPartition(name, partition.getPartition()), OffsetSpec.LATEST)));
            return admin.listOffsets(latest).compose(ends -> groups(ends).map(groups -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("topics", topics(names, ends));
                body.put("groups", groups);
                return body;
            }));
        });
    }

    private List<Map<String, Object>> topics(List<String> names, Map<TopicPartition, ListOffsetsResultInfo> ends) {
        long now = clockMillis.getAsLong();
        double seconds = (now - lastSampleMillis) / 1000.0;
        Map<String, Long> totals = new HashMap<>();
        List<Map<String, Object>> topics = new ArrayList<>();
        for (String name : names) {
            Map<Integer, Long> endOffsets = new TreeMap<>();
            ends.forEach((partition, info) -> {
                if (partition.getTopic().equals(name)) {
                    endOffsets.put(partition.getPartition(), info.getOffset());
                }
            });
            long total = endOffsets.values().stream().mapToLong(Long::longValue).sum();
            totals.put(name, total);
            Map<String, Object> topic = new LinkedHashMap<>();
            topic.put("name", name);
            topic.put("schema", "/api/schemas/" + name);
            topic.put("partitions", endOffsets.size());
            topic.put("endOffsets", endOffsets);
            topic.put("records", total);
            Long before = lastTotals.get(name);
            topic.put("recordsPerSecond", before == null || seconds < 1 ? null : Math.round((total - before) / seconds * 10) / 10.0);
            topics.add(topic);
        }
        if (seconds >= 1) {
            lastTotals = totals;
            lastSampleMillis = now;
        }
        return topics;
    }

    private Future<List<Map<String, Object>>> groups(Map<TopicPartition, ListOffsetsResultInfo> ends) {
        return admin.listConsumerGroups().compose(listings -> {
            List<String> ids = listings.stream().map(ConsumerGroupListing::getGroupId).sorted().toList();
            List<Future<Map<TopicPartition, OffsetAndMetadata>>> offsets =
                    ids.stream().map(admin::listConsumerGroupOffsets).toList();
            return Future.all(offsets).map(all -> {
                List<Map<String, Object>> groups = new ArrayList<>();
                for (int i = 0; i < ids.size(); i++) {
                    List<Map<String, Object>> partitions = new ArrayList<>();
                    long lag = 0;
                    Map<TopicPartition, OffsetAndMetadata> byPartition = new TreeMap<>(Comparator
                            .comparing(TopicPartition::getTopic).thenComparingInt(TopicPartition::getPartition));
                    byPartition.putAll(offsets.get(i).result());
                    for (Map.Entry<TopicPartition, OffsetAndMetadata> committed : byPartition.entrySet()) {
                        ListOffsetsResultInfo end = ends.get(committed.getKey());
                        if (end == null) {
                            continue; // not one of our topics
                        }
                        long partitionLag = Math.max(0, end.getOffset() - committed.getValue().getOffset());
                        lag += partitionLag;
                        Map<String, Object> partition = new LinkedHashMap<>();
                        partition.put("topic", committed.getKey().getTopic());
                        partition.put("partition", committed.getKey().getPartition());
                        partition.put("committed", committed.getValue().getOffset());
                        partition.put("end", end.getOffset());
                        partition.put("lag", partitionLag);
                        partitions.add(partition);
                    }
                    if (!partitions.isEmpty()) {
                        Map<String, Object> group = new LinkedHashMap<>();
                        group.put("group", ids.get(i));
                        group.put("lag", lag);
                        group.put("partitions", partitions);
                        groups.add(group);
                    }
                }
                return groups;
            });
        });
    }
}
