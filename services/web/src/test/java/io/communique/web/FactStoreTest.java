package io.communique.web;

import io.communique.model.CloudEvents;
import io.communique.model.Document;
import io.communique.model.Fact;
import io.communique.model.FactCursor;
import io.communique.model.FactQuery;
import io.communique.model.FactType;
import io.communique.model.Json;
import io.communique.model.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The read store on its own, in a temporary folder: listings, paging, corrections, the updates feed, restarts. */
class FactStoreTest {
    static final Comparator<Fact> LISTING = Comparator.comparing(Fact::recencyKey).reversed().thenComparing(Fact::id);
    static final List<FactQuery> QUERIES = List.of(FactQuery.ALL,
            new FactQuery("EG", null, null, null, null, null),
            new FactQuery(null, null, "trade", null, null, null),
            new FactQuery(null, FactType.TALKS, null, null, null, null),
            new FactQuery("CN", FactType.VISIT, "security", null, null, null),
            new FactQuery(null, null, null, "2017-03-01", "2017-06-30", null),
            new FactQuery("RU", null, null, "2017-05-01", null, null),
            new FactQuery(null, null, null, null, null, FactExportTest.fact(7, "e").documentId()),
            new FactQuery(null, null, "trade", null, null, FactExportTest.fact(8, "e").documentId()),
            new FactQuery(null, FactType.values()[3], null, "2017-02-01", "2017-02-28", null));

    @TempDir
    Path folder;

    static FactStore.Input fact(Fact fact, long offset) {
        return new FactStore.Input(Topics.FACTS, (int) (offset % 3), offset, Json.bytes(fact), null);
    }

    static List<Fact> facts(int count) {
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            facts.add(FactExportTest.fact(i, "evidence " + i));
        }
        return facts;
    }

    static void load(FactStore store, List<Fact> facts) {
        List<FactStore.Input> batch = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            batch.add(fact(facts.get(i), i));
        }
        store.apply(batch);
    }

    static List<Fact> expected(List<Fact> facts, FactQuery query) {
        return facts.stream().filter(query).sorted(LISTING).toList();
    }

    static List<Fact> newestFirst(List<Fact> arrived) {
        List<Fact> reversed = new ArrayList<>(arrived);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    @Test
    void listingsAreTheMatchingFactsMostRecentFirstThenByIdWhileFilledFromEmptyAndOnceIndexed() {
        List<Fact> facts = facts(700);
        try (FactStore store = FactStore.open(folder, 4)) {
            load(store, facts);
            assertListings(store, facts); // scanning: the listing indexes wait until the store has caught up
            store.caughtUp();
            assertListings(store, facts);
            Fact later = FactExportTest.fact(700, "evidence 700");
            store.apply(List.of(fact(later, 700)));
            List<Fact> all = new ArrayList<>(facts);
            all.add(later);
            assertListings(store, all);
        }
    }

    private static void assertListings(FactStore store, List<Fact> facts) {
        for (FactQuery query : QUERIES) {
            List<Fact> all = expected(facts, query);
            assertThat(all).as("the query matches some facts: %s", query).isNotEmpty();
            assertThat(store.facts(query, 0, 10_000)).as("%s", query).isEqualTo(all);
            assertThat(store.facts(query, 3, 5)).as("%s", query).isEqualTo(all.subList(
                    Math.min(3, all.size()), Math.min(8, all.size())));
        }
    }

    @Test
    void pagesAfterAFactFollowEachOtherToTheEnd() {
        List<Fact> facts = facts(500);
        try (FactStore store = FactStore.open(folder, 4)) {
            load(store, facts);
            for (FactQuery query : QUERIES) {
                List<Fact> paged = new ArrayList<>();
                FactSource.Page page = store.facts(query, null, 7);
                paged.addAll(page.facts());
                while (page.resumeAfter() != null) {
                    page = store.facts(query, page.resumeAfter(), 7);
                    paged.addAll(page.facts());
                }
                assertThat(paged).as("%s", query).isEqualTo(expected(facts, query));
            }
        }
    }

    @Test
    void aCorrectionReplacesTheFactARetractionRemovesItAndAnUnreadableRecordIsSkipped() {
        List<Fact> facts = facts(20);
        try (FactStore store = FactStore.inMemory()) {
            load(store, facts);
            Fact corrected = FactExportTest.fact(4, "corrected");
            Fact retracted = facts.get(5);
            List<FactStore.Applied> applied = store.apply(List.of(fact(corrected, 20), fact(corrected, 21),
                    new FactStore.Input(Topics.FACTS, 2, 22, Json.bytes(retracted), CloudEvents.FACT_RETRACTED_TYPE),
                    new FactStore.Input(Topics.FACTS, 2, 23, Json.bytes(retracted), CloudEvents.FACT_RETRACTED_TYPE),
                    new FactStore.Input(Topics.FACTS, 0, 24, "{\"id\":".getBytes(), null),
                    new FactStore.Input(Topics.FACTS, 0, 25, "{\"participants\":[]}".getBytes(), null),
                    new FactStore.Input(Topics.FACTS, 0, 26, null, null)));
            assertThat(applied).extracting(FactStore.Applied::effect).containsExactly(FactStore.Effect.CORRECTED,
                    FactStore.Effect.UNCHANGED, FactStore.Effect.RETRACTED, FactStore.Effect.UNCHANGED,
                    FactStore.Effect.SKIPPED, FactStore.Effect.SKIPPED, FactStore.Effect.SKIPPED);
            List<Fact> now = new ArrayList<>(facts);
            now.set(4, corrected);
            now.remove(retracted);
            assertThat(store.facts(FactQuery.ALL, 0, 100)).isEqualTo(expected(now, FactQuery.ALL));
            assertThat(store.factCount()).isEqualTo(19);
            // The unreadable record's offset counts: it is not read again.
            assertThat(store.cursor()).isEqualTo(new FactCursor(Map.of(0, 27L, 1, 20L, 2, 24L)));
        }
    }

    @Test
    void theUpdatesFeedNamesEachChangeOnceAsItIsNow() {
        List<Fact> facts = facts(10);
        try (FactStore store = FactStore.inMemory()) {
            load(store, facts);
            FactSource.Updates first = store.updates(FactCursor.BEGINNING, 100);
            assertThat(first.changes()).hasSize(10).allMatch(update -> update.kind() == FactSource.Kind.ADDED);
            assertThat(first.next()).isEqualTo(store.cursor());
            Fact corrected = FactExportTest.fact(1, "corrected");
            store.apply(List.of(fact(corrected, 10), new FactStore.Input(Topics.FACTS, 0, 11, Json.bytes(facts.get(2)),
                    CloudEvents.FACT_RETRACTED_TYPE), fact(FactExportTest.fact(10, "new"), 12)));
            FactSource.Updates since = store.updates(first.next(), 100);
            assertThat(since.changes()).containsExactlyInAnyOrder(
                    new FactSource.Update(FactSource.Kind.CHANGED, corrected.id(), corrected),
                    new FactSource.Update(FactSource.Kind.RETRACTED, facts.get(2).id(), null),
                    new FactSource.Update(FactSource.Kind.ADDED, FactExportTest.fact(10, "new").id(),
                            FactExportTest.fact(10, "new")));
            FactSource.Updates paged = store.updates(FactCursor.BEGINNING, 4);
            assertThat(paged.more()).isTrue();
            int seen = paged.changes().size();
            while (paged.more()) {
                paged = store.updates(paged.next(), 4);
                seen += paged.changes().size();
            }
            assertThat(seen).as("one change per fact ever seen").isEqualTo(11);
        }
    }

    @Test
    void aDocumentsFirstReceiptCounts() {
        Document first = new Document("d".repeat(64), "第一", "test", null, "zh", null, "2017-01-01T00:00:00Z");
        Document again = new Document("d".repeat(64), "第二", "test", null, "zh", null, "2017-01-02T00:00:00Z");
        try (FactStore store = FactStore.inMemory()) {
            store.apply(List.of(new FactStore.Input(Topics.DOCUMENTS, 0, 0, Json.bytes(first), null),
                    new FactStore.Input(Topics.DOCUMENTS, 0, 1, Json.bytes(again), null)));
            assertThat(store.document(first.id())).isEqualTo(first);
            assertThat(store.document("e".repeat(64))).isNull();
            assertThat(store.documentCount()).isEqualTo(1);
            assertThat(store.offsets(Topics.DOCUMENTS)).isEqualTo(Map.of(0, 2L));
        }
    }

    @Test
    void aReopenedStoreAnswersAsBeforeAndKnowsWhereToResume() {
        List<Fact> facts = facts(300);
        Document document = new Document("a".repeat(64), "文本", "test", null, "zh", null, "2017-01-01T00:00:00Z");
        List<List<Fact>> answers = new ArrayList<>();
        FactSource.Updates updates;
        List<Fact> latest;
        try (FactStore store = FactStore.open(folder, 4)) {
            load(store, facts);
            store.apply(List.of(new FactStore.Input(Topics.DOCUMENTS, 1, 41, Json.bytes(document), null)));
            QUERIES.forEach(query -> answers.add(store.facts(query, 0, 1000)));
            updates = store.updates(FactCursor.BEGINNING, 1000);
            latest = store.latest(LiveState.FEED_LENGTH);
        }
        assertThat(Files.exists(folder.resolve(FactStore.FILE_NAME + ".mv.db"))).isTrue();
        try (FactStore reopened = FactStore.open(folder, 4)) {
            assertThat(QUERIES.stream().map(query -> reopened.facts(query, 0, 1000)).toList()).isEqualTo(answers);
            assertThat(reopened.updates(FactCursor.BEGINNING, 1000)).isEqualTo(updates);
            assertThat(reopened.latest(LiveState.FEED_LENGTH)).isEqualTo(latest)
                    .isEqualTo(newestFirst(facts.subList(250, 300)));
            assertThat(reopened.document(document.id())).isEqualTo(document);
            assertThat(reopened.factCount()).isEqualTo(300);
            assertThat(reopened.documentCount()).isEqualTo(1);
            assertThat(reopened.offsets(Topics.FACTS)).isEqualTo(Map.of(0, 298L, 1, 299L, 2, 300L));
            assertThat(reopened.offsets(Topics.DOCUMENTS)).isEqualTo(Map.of(1, 42L));
            // A fact that arrives after the restart comes after the ones before it in the feed.
            Fact later = FactExportTest.fact(300, "later");
            reopened.apply(List.of(fact(later, 300)));
            assertThat(reopened.latest(1)).containsExactly(later);
        }
    }

    @Test
    void aCorruptFileIsSetAsideAndTheStoreStartsEmptyToBeRebuiltFromKafka() throws Exception {
        try (FactStore store = FactStore.open(folder, 4)) {
            load(store, facts(10));
        }
        Path file = folder.resolve(FactStore.FILE_NAME + ".mv.db");
        byte[] bytes = Files.readAllBytes(file);
        java.util.Arrays.fill(bytes, 0, Math.min(bytes.length, 8192), (byte) 'x'); // the header and first chunk
        Files.write(file, bytes);
        try (FactStore rebuilt = FactStore.open(folder, 4)) {
            assertThat(rebuilt.factCount()).isZero();
            assertThat(rebuilt.cursor()).isEqualTo(FactCursor.BEGINNING);
        }
        assertThat(folder.resolve(FactStore.FILE_NAME + ".mv.db.corrupt")).exists();
    }

    @Test
    void aClearedStoreStartsAgainFromTheBeginning() {
        try (FactStore store = FactStore.open(folder, 4)) {
            load(store, facts(10));
            store.clear();
            assertThat(store.facts(FactQuery.ALL, 0, 100)).isEmpty();
            assertThat(store.offsets(Topics.FACTS)).isEmpty();
            assertThat(store.factCount()).isZero();
        }
        try (FactStore reopened = FactStore.open(folder, 4)) {
            assertThat(reopened.cursor()).isEqualTo(FactCursor.BEGINNING);
        }
    }
}
