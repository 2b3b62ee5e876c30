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
import java.util.LinkedHashSet;
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
    private static final int SCHEMA_VERSION = 2;

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
    private final Writer writer;
    /** Serialises writers: one batch, its offsets and the counters below move together. */
    private final Object writeLock = new Object();
    private final AtomicLong factCount = new AtomicLong();
    private final AtomicLong documentCount = new AtomicLong();
    /** The order facts first arrived in, for the live feed after a restart; guarded by the write lock. */
    private long lastArrival;
    private volatile Map<String, Map<Integer, Long>> offsets = Map.of();
    /** Filled from empty and not caught up yet: without the listing indexes (see {@link #LISTING_INDEXES}). */
    private volatile boolean loading;

    private FactStore(String url) {
        this.pool = JdbcConnectionPool.create(url, "", "");
        pool.setMaxConnections(9); // the writer's and 8 readers
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            migrate(statement);
            factCount.set(count(statement, "SELECT COUNT(*) FROM facts"));
            documentCount.set(count(statement, "SELECT COUNT(*) FROM documents"));
            lastArrival = count(statement, "SELECT COALESCE(MAX(arrival), 0) FROM facts");
            offsets = readOffsets(statement);
            loading = offsets.isEmpty();
            if (!loading) {
                createListingIndexes(statement); // a store closed while it was filled gets them now
            }
            writer = new Writer(pool.getConnection());
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
        // A fact's row is keyed by its arrival (H2 keeps a table in the B-tree of its BIGINT primary key): new facts,
        // the large rows, are appended to the last page instead of rewriting pages all over the file, which is what
        // made writing slow. Listing order is recency descending then id ascending (LiveState's order): each listing
        // index holds it, so a page is a range scan, not a sort.
        statement.execute("""
                CREATE TABLE IF NOT EXISTS facts(arrival BIGINT PRIMARY KEY, id VARCHAR NOT NULL,
                    recency VARCHAR NOT NULL, fact_date VARCHAR, fact_type VARCHAR NOT NULL,
                    document_id VARCHAR NOT NULL, json VARBINARY NOT NULL)""");
        statement.execute("CREATE UNIQUE INDEX IF NOT EXISTS facts_id ON facts(id)");
        // A fact's participants and topics, one row each, with the fact's recency (a country's page is one range)
        // and arrival (the fact's row is one key away). No index by id: a changed fact's rows are found from the
        // names and recency it had.
        for (String list : new String[]{"fact_codes", "fact_topics"}) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + list
                    + "(name VARCHAR NOT NULL, recency VARCHAR NOT NULL, id VARCHAR NOT NULL, arrival BIGINT NOT NULL)");
        }
        // Where each fact (retracted ones too) last changed and first appeared in the fact topic: the updates feed.
        statement.execute("""
                CREATE TABLE IF NOT EXISTS changes(id VARCHAR PRIMARY KEY, partition_no INT NOT NULL,
                    record_offset BIGINT NOT NULL, first_partition INT NOT NULL, first_offset BIGINT NOT NULL,
                    retracted BOOLEAN NOT NULL)""");
        statement.execute("CREATE TABLE IF NOT EXISTS documents(id VARCHAR PRIMARY KEY, json VARBINARY NOT NULL)");
        statement.execute("""
                CREATE TABLE IF NOT EXISTS offsets(topic VARCHAR NOT NULL, partition_no INT NOT NULL,
                    next_offset BIGINT NOT NULL, PRIMARY KEY(topic, partition_no))""");
    }

    /**
     * The indexes only reads need: listings by recency, type, document, participant and topic, and the updates feed
     * by place. Each new fact's entries land at random places in them, and H2 (copy-on-write) writes every page a
     * batch touched again: with them a store took 600 facts per CPU second, without them 1,600–2,100 (24,000 facts,
     * loaded machine). So a store filled from empty gets them only once it has caught up (built by sorting, once).
     */
    private static final List<String> LISTING_INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS facts_recent ON facts(recency DESC, id)",
            "CREATE INDEX IF NOT EXISTS facts_type ON facts(fact_type, recency DESC, id)",
            "CREATE INDEX IF NOT EXISTS facts_document ON facts(document_id)",
            "CREATE UNIQUE INDEX IF NOT EXISTS fact_codes_order ON fact_codes(name, recency DESC, id)",
            "CREATE UNIQUE INDEX IF NOT EXISTS fact_topics_order ON fact_topics(name, recency DESC, id)",
            "CREATE INDEX IF NOT EXISTS changes_place ON changes(partition_no, record_offset)");

    private static void createListingIndexes(Statement statement) throws SQLException {
        for (String index : LISTING_INDEXES) {
            statement.execute(index);
        }
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
            try {
                try {
                    List<Applied> applied = new ArrayList<>(records.size());
                    Map<String, Map<Integer, Long>> next = new HashMap<>();
                    for (Input record : records) {
                        applied.add(writer.apply(record));
                        next.computeIfAbsent(record.topic(), topic -> new TreeMap<>())
                                .merge(record.partition(), record.offset() + 1, Math::max);
                    }
                    writer.saveOffsets(next);
                    writer.connection.commit();
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
                    writer.connection.rollback();
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

    /**
     * The writers' connection and its statements, prepared once: a batch is one transaction on it (H2 would otherwise
     * parse and plan each statement again for every batch). Used under the write lock only.
     */
    private final class Writer {
        private final Connection connection;
        private final PreparedStatement previousFact;
        private final PreparedStatement insertFact;
        private final PreparedStatement updateFact;
        private final PreparedStatement deleteFact;
        private final PreparedStatement[] deleteLists;
        private final PreparedStatement[] insertLists;
        private final PreparedStatement updateChange;
        private final PreparedStatement insertChange;
        private final PreparedStatement documentExists;
        private final PreparedStatement insertDocument;

        private final PreparedStatement saveOffset;

        Writer(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            previousFact = connection.prepareStatement("SELECT arrival, json FROM facts WHERE id = ?");
            insertFact = connection.prepareStatement("INSERT INTO facts(arrival, id, recency, fact_date, fact_type, "
                    + "document_id, json) VALUES (?, ?, ?, ?, ?, ?, ?)");
            updateFact = connection.prepareStatement("UPDATE facts SET recency = ?, fact_date = ?, fact_type = ?, "
                    + "document_id = ?, json = ? WHERE arrival = ?");
            deleteFact = connection.prepareStatement("DELETE FROM facts WHERE arrival = ?");
            deleteLists = new PreparedStatement[]{
                    connection.prepareStatement("DELETE FROM fact_codes WHERE name = ? AND recency = ? AND id = ?"),
                    connection.prepareStatement("DELETE FROM fact_topics WHERE name = ? AND recency = ? AND id = ?")};
            insertLists = new PreparedStatement[]{
                    connection.prepareStatement("INSERT INTO fact_codes(name, recency, id, arrival) VALUES (?, ?, ?, ?)"),
                    connection.prepareStatement("INSERT INTO fact_topics(name, recency, id, arrival) VALUES (?, ?, ?, ?)")};
            updateChange = connection.prepareStatement("UPDATE changes SET partition_no = ?, record_offset = ?, "
                    + "retracted = ? WHERE id = ?");
            insertChange = connection.prepareStatement("INSERT INTO changes(id, partition_no, record_offset, "
                    + "first_partition, first_offset, retracted) VALUES (?, ?, ?, ?, ?, FALSE)");
            documentExists = connection.prepareStatement("SELECT 1 FROM documents WHERE id = ?");
            insertDocument = connection.prepareStatement("INSERT INTO documents(id, json) VALUES (?, ?)");
            saveOffset = connection.prepareStatement(
                    "MERGE INTO offsets(topic, partition_no, next_offset) KEY(topic, partition_no) VALUES (?, ?, ?)");
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
            previousFact.setString(1, fact.id());
            long arrival;
            Fact previous;
            try (ResultSet row = previousFact.executeQuery()) {
                boolean found = row.next();
                arrival = found ? row.getLong(1) : 0;
                previous = found ? FactReader.read(row.getBytes(2)) : null;
            }
            if (CloudEvents.isRetraction(record.eventType())) {
                if (previous == null) {
                    return new Applied(Effect.UNCHANGED, fact.id(), null, null, null);
                }
                deleteFact.setLong(1, arrival);
                deleteFact.executeUpdate();
                deleteLists(previous);
                changed(fact.id(), record, true);
                return new Applied(Effect.RETRACTED, fact.id(), null, null, null);
            }
            if (fact.equals(previous)) {
                return new Applied(Effect.UNCHANGED, fact.id(), fact, null, null);
            }
            String recency = fact.recencyKey();
            if (previous == null) {
                arrival = ++lastArrival;
                insertFact.setLong(1, arrival);
                insertFact.setString(2, fact.id());
                insertFact.setString(3, recency);
                insertFact.setString(4, fact.date());
                insertFact.setString(5, fact.type().name());
                insertFact.setString(6, fact.documentId());
                insertFact.setBytes(7, record.value());
                insertFact.executeUpdate();
            } else {
                updateFact.setString(1, recency);
                updateFact.setString(2, fact.date());
                updateFact.setString(3, fact.type().name());
                updateFact.setString(4, fact.documentId());
                updateFact.setBytes(5, record.value());
                updateFact.setLong(6, arrival);
                updateFact.executeUpdate();
                deleteLists(previous);
            }
            insertList(insertLists[0], fact.participants(), recency, fact.id(), arrival);
            insertList(insertLists[1], fact.topics(), recency, fact.id(), arrival);
            changed(fact.id(), record, false);
            return new Applied(previous == null ? Effect.ADDED : Effect.CORRECTED, fact.id(), fact, record.value(), null);
        }

        /** Removes the list rows the fact was stored with: found by its names and recency then, not by id. */
        private void deleteLists(Fact stored) throws SQLException {
            List<List<String>> names = List.of(stored.participants(), stored.topics());
            for (int list = 0; list < deleteLists.length; list++) {
                PreparedStatement delete = deleteLists[list];
                for (String name : new LinkedHashSet<>(names.get(list))) {
                    delete.setString(1, name);
                    delete.setString(2, stored.recencyKey());
                    delete.setString(3, stored.id());
                    delete.executeUpdate();
                }
            }
        }

        private static void insertList(PreparedStatement insert, List<String> names, String recency, String id,
                                       long arrival) throws SQLException {
            for (String name : new LinkedHashSet<>(names)) { // a name listed twice is one row
                insert.setString(1, name);
                insert.setString(2, recency);
                insert.setString(3, id);
                insert.setLong(4, arrival);
                insert.executeUpdate();
            }
        }

        /** Marks where the fact last changed, keeping where it first appeared (a row is kept for retracted facts). */
        private void changed(String id, Input record, boolean retracted) throws SQLException {
            updateChange.setInt(1, record.partition());
            updateChange.setLong(2, record.offset());
            updateChange.setBoolean(3, retracted);
            updateChange.setString(4, id);
            if (updateChange.executeUpdate() == 0) {
                insertChange.setString(1, id);
                insertChange.setInt(2, record.partition());
                insertChange.setLong(3, record.offset());
                insertChange.setInt(4, record.partition());
                insertChange.setLong(5, record.offset());
                insertChange.executeUpdate();
            }
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
            for (Map.Entry<String, Map<Integer, Long>> topic : next.entrySet()) {
                for (Map.Entry<Integer, Long> partition : topic.getValue().entrySet()) {
                    long stored = offsets.getOrDefault(topic.getKey(), Map.of()).getOrDefault(partition.getKey(), 0L);
                    saveOffset.setString(1, topic.getKey());
                    saveOffset.setInt(2, partition.getKey());
                    saveOffset.setLong(3, Math.max(stored, partition.getValue()));
                    saveOffset.executeUpdate();
                }
            }
        }
    }

    /**
     * The topics have been read up to where they stood at start: a store filled from empty builds its listing
     * indexes now (until then its listings scan). Takes the write lock for as long (tens of seconds per million facts).
     */
    public void caughtUp() {
        synchronized (writeLock) {
            if (!loading) {
                return;
            }
            long began = System.nanoTime();
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                createListingIndexes(statement);
            } catch (SQLException e) {
                throw new StoreException("the read store could not build its indexes", e);
            }
            loading = false;
            LOG.info("The read store built its listing indexes over {} facts in {} ms", factCount.get(),
                    (System.nanoTime() - began) / 1_000_000);
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
            sql.append(loading ? "facts f WHERE TRUE" : "facts f USE INDEX (facts_document) WHERE TRUE");
            order = "f";
        } else if (query.country() != null || query.topic() != null) {
            boolean byCountry = query.country() != null;
            sql.append(byCountry ? "fact_codes" : "fact_topics").append(" d JOIN facts f ON f.arrival = d.arrival WHERE d.name = ?");
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
                writer.connection.close();
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
