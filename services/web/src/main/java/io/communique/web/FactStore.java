package io.communique.web;

import io.communique.model.CloudEvents;
import io.communique.model.Document;
import io.communique.model.Fact;
import io.communique.model.FactCursor;
import io.communique.model.FactQuery;
import io.communique.model.FactReader;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The web's facts and documents, in an embedded H2 database: on disk by default ({@link #open}), so the heap holds
 * a page cache of bounded size however long the log; in memory for tests ({@link #inMemory}), the same code.
 * It also holds, per partition, the offset after the last record of the fact and document topics it took, written in
 * the same transaction as the batch, so a restart resumes from there and a crash never leaves the two apart.
 *
 * <p>Every method blocks (disk): call it from a worker, never from an event loop. Writes come from one thread at a
 * time (the web's followers, in turn); reads may run concurrently with them and see committed batches only.
 */
public final class FactStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FactStore.class);
    /** The database's file name in its directory; H2 adds {@code .mv.db}. */
    static final String FILE_NAME = "read-store";
    /** The schema below; a store of another version is dropped and rebuilt from Kafka. */
    private static final int SCHEMA_VERSION = 1;

    /** One record of the fact or document topic, as read at its place. */
    public record Input(String topic, int partition, long offset, byte[] value, String eventType) {
    }

    /** What one record did to the store. */
    public enum Effect { ADDED, CORRECTED, RETRACTED, UNCHANGED, DOCUMENT, SKIPPED }

    /**
     * @param fact    the fact as it is now (added, corrected), or null
     * @param json    the fact's record value as published (added, corrected), or null
     * @param problem why the record was skipped, or null
     */
    public record Applied(Effect effect, String id, Fact fact, byte[] json, String problem) {
    }

    private final JdbcConnectionPool pool;
    /** Serialises writers: one batch, its offsets and the counters below move together. */
    private final Object writeLock = new Object();
    private final AtomicLong factCount = new AtomicLong();
    private final AtomicLong documentCount = new AtomicLong();
    /** The order facts first arrived in, for the live feed after a restart; guarded by the write lock. */
    private long lastArrival;
    private volatile Map<String, Map<Integer, Long>> offsets = Map.of();

    private FactStore(String url) {
        this.pool = JdbcConnectionPool.create(url, "", "");
        pool.setMaxConnections(8);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            migrate(statement);
            factCount.set(count(statement, "SELECT COUNT(*) FROM facts"));
            documentCount.set(count(statement, "SELECT COUNT(*) FROM documents"));
            lastArrival = count(statement, "SELECT COALESCE(MAX(arrival), 0) FROM facts");
            offsets = readOffsets(statement);
        } catch (SQLException e) {
            pool.dispose();
            throw new StoreException("the read store could not be opened", e);
        }
    }

    /**
     * Opens (or creates, empty) the store in the directory. Nothing but the store's own file may be kept there: delete
     * the directory to have the web rebuild it from Kafka.
     *
     * @param cacheMb the page cache H2 keeps on the heap, the store's only memory that grows with use
     */
    public static FactStore open(Path directory, int cacheMb) {
        // H2 keeps replaced pages for RETENTION_TIME before it reuses their space (45 s by default), so that a power
        // failure finds an older consistent version; under a steady stream of batches the file then grew to 40 KB per
        // fact (measured). One second keeps it near 8 KB; a process crash is unaffected (the OS has the writes), and
        // a file a power failure left unreadable is set aside and rebuilt from Kafka like any lost store.
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve(FILE_NAME) + ";CACHE_SIZE="
                + cacheMb * 1024L + ";RETENTION_TIME=1000";
        try {
            return new FactStore(url);
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException sql) || sql.getErrorCode() != ErrorCode.FILE_CORRUPTED_1) {
                throw e; // locked by another instance, disk unreadable: not ours to delete
            }
            Path file = directory.resolve(FILE_NAME + ".mv.db");
            Path aside = directory.resolve(FILE_NAME + ".mv.db.corrupt");
            LOG.warn("The read store {} is corrupt ({}): moved to {}, rebuilding from Kafka", file, sql.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moving) {
                throw new UncheckedIOException("the corrupt read store could not be moved aside", moving);
            }
            return new FactStore(url);
        }
    }

    /** A store that lives as long as it is open: for tests, and for instances that rebuild from Kafka each start. */
    public static FactStore inMemory() {
        return new FactStore("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    private static void migrate(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE IF NOT EXISTS meta(name VARCHAR PRIMARY KEY, number BIGINT NOT NULL)");
        try (ResultSet version = statement.executeQuery("SELECT number FROM meta WHERE name = 'schema'")) {
            if (version.next() && version.getLong(1) != SCHEMA_VERSION) {
                // A store is a cache of the topics: one of another layout is rebuilt rather than converted.
                statement.execute("DROP ALL OBJECTS");
                statement.execute("CREATE TABLE meta(name VARCHAR PRIMARY KEY, number BIGINT NOT NULL)");
            }
        }
        statement.execute("MERGE INTO meta KEY(name) VALUES ('schema', " + SCHEMA_VERSION + ")");
        // Listing order is recency descending then id ascending (LiveState's order): each listing index holds it,
        // so a page is a range scan, not a sort.
        statement.execute("""
                CREATE TABLE IF NOT EXISTS facts(id VARCHAR PRIMARY KEY, recency VARCHAR NOT NULL,
                    fact_date VARCHAR, fact_type VARCHAR NOT NULL, document_id VARCHAR NOT NULL,
                    arrival BIGINT NOT NULL, json VARBINARY NOT NULL)""");
        statement.execute("CREATE INDEX IF NOT EXISTS facts_recent ON facts(recency DESC, id)");
        statement.execute("CREATE INDEX IF NOT EXISTS facts_type ON facts(fact_type, recency DESC, id)");
        statement.execute("CREATE INDEX IF NOT EXISTS facts_document ON facts(document_id)");
        statement.execute("CREATE INDEX IF NOT EXISTS facts_arrival ON facts(arrival)");
        // A fact's participants and topics, one row each, with the fact's recency: a country's page is one range.
        for (String list : new String[]{"fact_codes", "fact_topics"}) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + list
                    + "(name VARCHAR NOT NULL, recency VARCHAR NOT NULL, id VARCHAR NOT NULL)");
            statement.execute("CREATE UNIQUE INDEX IF NOT EXISTS " + list + "_order ON " + list
                    + "(name, recency DESC, id)");
            statement.execute("CREATE INDEX IF NOT EXISTS " + list + "_id ON " + list + "(id)");
        }
        // Where each fact (retracted ones too) last changed and first appeared in the fact topic: the updates feed.
        statement.execute("""
                CREATE TABLE IF NOT EXISTS changes(id VARCHAR PRIMARY KEY, partition_no INT NOT NULL,
                    record_offset BIGINT NOT NULL, first_partition INT NOT NULL, first_offset BIGINT NOT NULL,
                    retracted BOOLEAN NOT NULL)""");
        statement.execute("CREATE INDEX IF NOT EXISTS changes_place ON changes(partition_no, record_offset)");
        statement.execute("CREATE TABLE IF NOT EXISTS documents(id VARCHAR PRIMARY KEY, json VARBINARY NOT NULL)");
        statement.execute("""
                CREATE TABLE IF NOT EXISTS offsets(topic VARCHAR NOT NULL, partition_no INT NOT NULL,
                    next_offset BIGINT NOT NULL, PRIMARY KEY(topic, partition_no))""");
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Map<String, Map<Integer, Long>> readOffsets(Statement statement) throws SQLException {
        Map<String, Map<Integer, Long>> byTopic = new HashMap<>();
        try (ResultSet rows = statement.executeQuery("SELECT topic, partition_no, next_offset FROM offsets")) {
            while (rows.next()) {
                byTopic.computeIfAbsent(rows.getString(1), topic -> new TreeMap<>()).put(rows.getInt(2), rows.getLong(3));
            }
        }
        byTopic.replaceAll((topic, partitions) -> Map.copyOf(partitions));
        return Map.copyOf(byTopic);
    }

    /**
     * Takes a batch of fact and document records, and the offsets after them, in one transaction. A record that is
     * no fact or document is skipped (its offset still counts); a database failure takes nothing and throws.
     */
    public List<Applied> apply(List<Input> records) {
        synchronized (writeLock) {
            long arrivalBefore = lastArrival;
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    Batch batch = new Batch(connection);
                    List<Applied> applied = new ArrayList<>(records.size());
                    Map<String, Map<Integer, Long>> next = new HashMap<>();
                    for (Input record : records) {
                        applied.add(batch.apply(record));
                        next.computeIfAbsent(record.topic(), topic -> new TreeMap<>())
                                .merge(record.partition(), record.offset() + 1, Math::max);
                    }
                    batch.saveOffsets(next);
                    connection.commit();
                    long facts = 0;
                    long documents = 0;
                    for (Applied one : applied) {
                        facts += one.effect() == Effect.ADDED ? 1 : one.effect() == Effect.RETRACTED ? -1 : 0;
                        documents += one.effect() == Effect.DOCUMENT && one.id() != null ? 1 : 0; // id: a new one
                    }
                    factCount.addAndGet(facts);
                    documentCount.addAndGet(documents);
                    offsets = merged(offsets, next);
                    return applied;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    lastArrival = arrivalBefore;
                    throw e;
                }
            } catch (SQLException e) {
                throw new StoreException("the read store could not take a batch", e);
            }
        }
    }

    private static Map<String, Map<Integer, Long>> merged(Map<String, Map<Integer, Long>> before,
                                                         Map<String, Map<Integer, Long>> next) {
        Map<String, Map<Integer, Long>> all = new HashMap<>(before);
        next.forEach((topic, partitions) -> {
            Map<Integer, Long> merged = new TreeMap<>(all.getOrDefault(topic, Map.of()));
            partitions.forEach((partition, offset) -> merged.merge(partition, offset, Math::max));
            all.put(topic, Map.copyOf(merged));
        });
        return Map.copyOf(all);
    }

    /** The prepared statements of one write transaction. */
    private final class Batch {
        private final Connection connection;
        private final PreparedStatement factJson;
        private final PreparedStatement insertFact;
        private final PreparedStatement updateFact;
        private final PreparedStatement deleteFact;
        private final PreparedStatement[] deleteLists;
        private final PreparedStatement[] insertLists;
        private final PreparedStatement firstPlace;
        private final PreparedStatement mergeChange;
        private final PreparedStatement documentExists;
        private final PreparedStatement insertDocument;

        Batch(Connection connection) throws SQLException {
            this.connection = connection;
            factJson = connection.prepareStatement("SELECT json FROM facts WHERE id = ?");
            insertFact = connection.prepareStatement("INSERT INTO facts(id, recency, fact_date, fact_type, document_id, "
                    + "arrival, json) VALUES (?, ?, ?, ?, ?, ?, ?)");
            updateFact = connection.prepareStatement("UPDATE facts SET recency = ?, fact_date = ?, fact_type = ?, "
                    + "document_id = ?, json = ? WHERE id = ?");
            deleteFact = connection.prepareStatement("DELETE FROM facts WHERE id = ?");
            deleteLists = new PreparedStatement[]{connection.prepareStatement("DELETE FROM fact_codes WHERE id = ?"),
                    connection.prepareStatement("DELETE FROM fact_topics WHERE id = ?")};
            insertLists = new PreparedStatement[]{
                    connection.prepareStatement("INSERT INTO fact_codes(name, recency, id) VALUES (?, ?, ?)"),
                    connection.prepareStatement("INSERT INTO fact_topics(name, recency, id) VALUES (?, ?, ?)")};
            firstPlace = connection.prepareStatement("SELECT first_partition, first_offset FROM changes WHERE id = ?");
            mergeChange = connection.prepareStatement("MERGE INTO changes(id, partition_no, record_offset, "
                    + "first_partition, first_offset, retracted) KEY(id) VALUES (?, ?, ?, ?, ?, ?)");
            documentExists = connection.prepareStatement("SELECT 1 FROM documents WHERE id = ?");
            insertDocument = connection.prepareStatement("INSERT INTO documents(id, json) VALUES (?, ?)");
        }

        /** A record that is no fact or document is skipped: only the database's own failures fail the batch. */
        Applied apply(Input record) throws SQLException {
            try {
                if (record.value() == null) {
                    throw new IllegalArgumentException("no value");
                }
                return switch (record.topic()) {
                    case Topics.FACTS -> fact(record);
                    case Topics.DOCUMENTS -> document(Json.read(record.value(), Document.class), record.value());
                    default -> throw new IllegalArgumentException("not a topic of the store: " + record.topic());
                };
            } catch (IllegalArgumentException e) {
                return new Applied(Effect.SKIPPED, null, null, null, e.getMessage());
            }
        }

        private Applied fact(Input record) throws SQLException {
            Fact fact = FactReader.read(record.value());
            if (fact.id() == null || fact.documentId() == null || fact.type() == null) {
                throw new IllegalArgumentException("not a valid Fact: no id, documentId or type");
            }
            byte[] previous = previousJson(fact.id());
            if (CloudEvents.isRetraction(record.eventType())) {
                if (previous == null) {
                    return new Applied(Effect.UNCHANGED, fact.id(), null, null, null);
                }
                deleteFact.setString(1, fact.id());
                deleteFact.executeUpdate();
                deleteLists(fact.id());
                changed(fact.id(), record, true);
                return new Applied(Effect.RETRACTED, fact.id(), null, null, null);
            }
            if (previous != null && FactReader.read(previous).equals(fact)) {
                return new Applied(Effect.UNCHANGED, fact.id(), fact, null, null);
            }
            String recency = fact.recencyKey();
            if (previous == null) {
                insertFact.setString(1, fact.id());
                insertFact.setString(2, recency);
                insertFact.setString(3, fact.date());
                insertFact.setString(4, fact.type().name());
                insertFact.setString(5, fact.documentId());
                insertFact.setLong(6, ++lastArrival);
                insertFact.setBytes(7, record.value());
                insertFact.executeUpdate();
            } else {
                updateFact.setString(1, recency);
                updateFact.setString(2, fact.date());
                updateFact.setString(3, fact.type().name());
                updateFact.setString(4, fact.documentId());
                updateFact.setBytes(5, record.value());
                updateFact.setString(6, fact.id());
                updateFact.executeUpdate();
                deleteLists(fact.id());
            }
            insertList(insertLists[0], fact.participants(), recency, fact.id());
            insertList(insertLists[1], fact.topics(), recency, fact.id());
            changed(fact.id(), record, false);
            return new Applied(previous == null ? Effect.ADDED : Effect.CORRECTED, fact.id(), fact, record.value(), null);
        }

        private byte[] previousJson(String id) throws SQLException {
            factJson.setString(1, id);
            try (ResultSet row = factJson.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        }

        private void deleteLists(String id) throws SQLException {
            for (PreparedStatement delete : deleteLists) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
        }

        private static void insertList(PreparedStatement insert, List<String> names, String recency, String id)
                throws SQLException {
            for (String name : new java.util.LinkedHashSet<>(names)) { // a name listed twice is one row
                insert.setString(1, name);
                insert.setString(2, recency);
                insert.setString(3, id);
                insert.executeUpdate();
            }
        }

        /** Marks where the fact last changed, keeping where it first appeared (an addition or a correction). */
        private void changed(String id, Input record, boolean retracted) throws SQLException {
            int firstPartition = record.partition();
            long firstOffset = record.offset();
            firstPlace.setString(1, id);
            try (ResultSet row = firstPlace.executeQuery()) {
                if (row.next()) {
                    firstPartition = row.getInt(1);
                    firstOffset = row.getLong(2);
                }
            }
            mergeChange.setString(1, id);
            mergeChange.setInt(2, record.partition());
            mergeChange.setLong(3, record.offset());
            mergeChange.setInt(4, firstPartition);
            mergeChange.setLong(5, firstOffset);
            mergeChange.setBoolean(6, retracted);
            mergeChange.executeUpdate();
        }

        /** The first receipt of a document is the one that counts. */
        private Applied document(Document document, byte[] json) throws SQLException {
            if (document.id() == null) {
                throw new IllegalArgumentException("not a valid Document: no id");
            }
            documentExists.setString(1, document.id());
            try (ResultSet row = documentExists.executeQuery()) {
                if (row.next()) {
                    return new Applied(Effect.DOCUMENT, null, null, null, null);
                }
            }
            insertDocument.setString(1, document.id());
            insertDocument.setBytes(2, json);
            insertDocument.executeUpdate();
            return new Applied(Effect.DOCUMENT, document.id(), null, null, null);
        }

        void saveOffsets(Map<String, Map<Integer, Long>> next) throws SQLException {
            try (PreparedStatement merge = connection.prepareStatement(
                    "MERGE INTO offsets(topic, partition_no, next_offset) KEY(topic, partition_no) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, Map<Integer, Long>> topic : next.entrySet()) {
                    for (Map.Entry<Integer, Long> partition : topic.getValue().entrySet()) {
                        long stored = offsets.getOrDefault(topic.getKey(), Map.of()).getOrDefault(partition.getKey(), 0L);
                        merge.setString(1, topic.getKey());
                        merge.setInt(2, partition.getKey());
                        merge.setLong(3, Math.max(stored, partition.getValue()));
                        merge.executeUpdate();
                    }
                }
            }
        }
    }

    /** The offset after the last record taken, per partition of the topic: where a restart resumes. */
    public Map<Integer, Long> offsets(String topic) {
        return offsets.getOrDefault(topic, Map.of());
    }

    /** Where the store stands in the fact topic: every record before it is reflected. Does not block. */
    public FactCursor cursor() {
        return new FactCursor(offsets(Topics.FACTS));
    }

    /** Facts held, not retracted. Does not block. */
    public long factCount() {
        return factCount.get();
    }

    /** Documents held. Does not block. */
    public long documentCount() {
        return documentCount.get();
    }

    public Document document(String id) {
        List<byte[]> json = query("SELECT json FROM documents WHERE id = ?", List.of(id));
        return json.isEmpty() ? null : Json.read(json.get(0), Document.class);
    }

    /** The facts that arrived last, newest first: the live feed after a restart. */
    public List<Fact> latest(int count) {
        return facts(query("SELECT json FROM facts ORDER BY arrival DESC LIMIT ?", List.of(count)));
    }

    /** Facts matching the query in listing order, from the {@code offset}-th on. */
    public List<Fact> facts(FactQuery query, int offset, int limit) {
        return facts(listing(query, null, offset, limit));
    }

    /** Facts matching the query in listing order, from just after {@code after} (null: the first); at most max. */
    public FactSource.Page facts(FactQuery query, Fact after, int max) {
        List<Fact> page = facts(listing(query, after == null ? null : FactPageKey.of(after), 0, max));
        return new FactSource.Page(page, page.size() < max ? null : page.get(page.size() - 1));
    }

    /** Facts matching the query in listing order, from just after the key (a range of the index); at most max. */
    List<Fact> factsAfter(FactQuery query, FactPageKey after, int max) {
        return facts(listing(query, after, 0, max));
    }

    private List<Fact> facts(List<byte[]> json) {
        List<Fact> facts = new ArrayList<>(json.size());
        json.forEach(bytes -> facts.add(FactReader.read(bytes)));
        return facts;
    }

    /**
     * The listing's query: it walks the index of the most selective list it can (a participant's, a topic's, a
     * type's, all facts') in listing order, and filters the rest on the fact's row; a document's few facts are
     * found by the document and sorted. The index's leading column heads the ORDER BY (it is one value) so that H2
     * reads the index in order and stops after the page instead of sorting every match.
     */
    private List<byte[]> listing(FactQuery query, FactPageKey after, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT f.json FROM ");
        String order;
        String leading = "";
        boolean topicListed = false;
        if (query.documentId() != null && query.country() == null) {
            sql.append("facts f USE INDEX (facts_document) WHERE TRUE");
            order = "f";
        } else if (query.country() != null || query.topic() != null) {
            boolean byCountry = query.country() != null;
            sql.append(byCountry ? "fact_codes" : "fact_topics").append(" d JOIN facts f ON f.id = d.id WHERE d.name = ?");
            parameters.add(byCountry ? query.country() : query.topic());
            topicListed = !byCountry;
            order = "d";
            leading = "d.name, ";
        } else {
            sql.append("facts f WHERE TRUE");
            order = "f";
            leading = query.type() != null ? "f.fact_type, " : "";
        }
        if (query.topic() != null && !topicListed) {
            sql.append(" AND EXISTS (SELECT 1 FROM fact_topics t WHERE t.name = ? AND t.recency = f.recency AND t.id = f.id)");
            parameters.add(query.topic());
        }
        if (query.type() != null) {
            sql.append(" AND f.fact_type = ?");
            parameters.add(query.type().name());
        }
        // A dated fact's recency is its date, and undated or yearless ones sort below any date: a range of the index.
        if (query.since() != null) {
            sql.append(" AND ").append(order).append(".recency >= ? AND f.fact_date >= ? AND f.fact_date NOT LIKE '--%'");
            parameters.addAll(List.of(query.since(), query.since()));
        }
        if (query.until() != null) {
            sql.append(" AND ").append(order).append(".recency <= ? AND f.fact_date <= ? AND f.fact_date NOT LIKE '--%'");
            parameters.addAll(List.of(query.until(), query.until()));
        }
        if (query.documentId() != null) {
            sql.append(" AND f.document_id = ?");
            parameters.add(query.documentId());
        }
        if (after != null) {
            // (recency, id) after the given one in (descending, ascending) order, written so the index range applies
            sql.append(" AND ").append(order).append(".recency <= ? AND (").append(order).append(".recency < ? OR ")
                    .append(order).append(".id > ?)");
            parameters.addAll(List.of(after.recency(), after.recency(), after.id()));
        }
        sql.append(" ORDER BY ").append(leading).append(order).append(".recency DESC, ").append(order)
                .append(".id LIMIT ? OFFSET ?");
        parameters.add(limit);
        parameters.add(offset);
        return query(sql.toString(), parameters);
    }

    /** The first column of each row, as bytes. */
    private List<byte[]> query(String sql, List<Object> parameters) {
        try (Connection connection = pool.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<byte[]> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getBytes(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("the read store could not be read", e);
        }
    }

    /**
     * The facts changed at or after the cursor, partition by partition in offset order, each once as it is now; at
     * most {@code max}. Changes past where the store stood when asked wait for the next call, so the next cursor
     * never skips one. The next cursor keeps the client's offsets where this store has not read as far.
     */
    public FactSource.Updates updates(FactCursor since, int max) {
        Map<Integer, Long> ends = offsets(Topics.FACTS);
        List<FactSource.Update> changes = new ArrayList<>();
        Map<Integer, Long> next = new TreeMap<>(since.offsets());
        try (Connection connection = pool.getConnection(); PreparedStatement select = connection.prepareStatement("""
                SELECT c.id, c.record_offset, c.first_partition, c.first_offset, c.retracted, f.json
                FROM changes c LEFT JOIN facts f ON f.id = c.id
                WHERE c.partition_no = ? AND c.record_offset >= ? AND c.record_offset < ?
                ORDER BY c.record_offset LIMIT ?""")) {
            for (Map.Entry<Integer, Long> end : new TreeMap<>(ends).entrySet()) {
                int partition = end.getKey();
                long from = since.offset(partition);
                select.setInt(1, partition);
                select.setLong(2, from);
                select.setLong(3, end.getValue());
                select.setInt(4, max - changes.size() + 1);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (changes.size() == max) {
                            next.put(partition, rows.getLong(2));
                            return new FactSource.Updates(changes, new FactCursor(next), true);
                        }
                        byte[] json = rows.getBytes(6);
                        FactSource.Kind kind = rows.getBoolean(5) || json == null ? FactSource.Kind.RETRACTED
                                : since.precedes(rows.getInt(3), rows.getLong(4)) ? FactSource.Kind.ADDED
                                : FactSource.Kind.CHANGED;
                        changes.add(new FactSource.Update(kind, rows.getString(1),
                                kind == FactSource.Kind.RETRACTED ? null : FactReader.read(json)));
                    }
                }
                next.put(partition, Math.max(from, end.getValue()));
            }
        } catch (SQLException e) {
            throw new StoreException("the read store could not be read", e);
        }
        return new FactSource.Updates(changes, new FactCursor(next), false);
    }

    /** The store as the export and the updates feed read it: on the workers, never on the caller's event loop. */
    public FactSource source(WorkerExecutor workers) {
        return new FactSource() {
            @Override
            public Future<Page> facts(FactQuery query, Fact after, int max) {
                return workers.executeBlocking(() -> FactStore.this.facts(query, after, max), false);
            }

            @Override
            public Future<Updates> updates(FactCursor since, int max) {
                return workers.executeBlocking(() -> FactStore.this.updates(since, max), false);
            }

            @Override
            public FactCursor cursor() {
                return FactStore.this.cursor();
            }
        };
    }

    /** Forgets everything (facts, documents, offsets): the next start reads the topics from their beginning. */
    public void clear() {
        synchronized (writeLock) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                for (String table : new String[]{"facts", "fact_codes", "fact_topics", "changes", "documents", "offsets"}) {
                    statement.execute("TRUNCATE TABLE " + table);
                }
                factCount.set(0);
                documentCount.set(0);
                lastArrival = 0;
                offsets = Map.of();
            } catch (SQLException e) {
                throw new StoreException("the read store could not be cleared", e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN"); // writes what is pending and closes the file (or frees the memory)
            } catch (SQLException e) {
                throw new StoreException("the read store could not be closed", e);
            } finally {
                pool.dispose();
            }
        }
    }

    /** A failure of the database itself (disk full, file locked, corrupt): not the fault of a record. */
    public static final class StoreException extends RuntimeException {
        StoreException(String message, SQLException cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }
}
