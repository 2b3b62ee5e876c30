package io.communique.extract;

import io.communique.model.Document;
import io.communique.model.Fact;
import io.communique.model.FactType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Evidence offsets point into the original text, also in traditional script; equal input gives equal ids. */
class OffsetsAndDeterminismTest {

    @Test
    void traditionalChineseIsUnderstoodAndOffsetsReferToTheOriginalText() {
        String text = "標題\n國家主席習近平同法國總統馬克龍舉行會談。雙方簽署了《中法兩國政府經濟合作協定》。";
        List<Fact> facts = Facts.of(text, "2019-03-25");

        assertThat(facts).extracting(Fact::type).containsExactly(FactType.TALKS, FactType.AGREEMENT_SIGNED);
        for (Fact f : facts) {
            assertThat(text.substring(f.evidence().start(), f.evidence().end())).isEqualTo(f.evidence().text());
        }
        assertThat(facts.get(0).evidence().text()).isEqualTo("國家主席習近平同法國總統馬克龍舉行會談。");
        assertThat(facts.get(0).persons()).containsExactly("習近平", "馬克龍");
        assertThat(facts.get(1).title()).isEqualTo("中法兩國政府經濟合作協定");
    }

    @Test
    void sameInputGivesTheSameIdsAcrossCallsAndInstances() {
        String text = "习近平主席还分别会见了法国、英国领导人。习近平会见法国总统马克龙。";
        Document document = Document.of(text, "a.txt", null, "zh", "2019-03-25", null);

        List<Fact> first = new Extractor().extract(document);
        List<Fact> second = Facts.EXTRACTOR.extract(document);

        assertThat(first).isNotEmpty();
        assertThat(first).extracting(Fact::id).isEqualTo(second.stream().map(Fact::id).toList()).doesNotHaveDuplicates();
        assertThat(first).allSatisfy(f -> {
            assertThat(f.id()).matches("[0-9a-f]{32}");
            assertThat(f.documentId()).isEqualTo(document.id());
            assertThat(f.extractor()).isEqualTo(Extractor.INFO);
            assertThat(f.confidence()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void everyFactOfTheSeedReportHasExactOffsetsAndValidFields() throws Exception {
        java.nio.file.Path seed = java.nio.file.Path.of("../../seeds/000.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(seed), "seed report not present");
        String text = java.nio.file.Files.readString(seed);
        List<Fact> facts = Facts.of(text, null);

        assertThat(facts).extracting(Fact::type, Fact::participants).contains(
                org.assertj.core.groups.Tuple.tuple(FactType.VISIT, List.of("CN", "RU")),
                org.assertj.core.groups.Tuple.tuple(FactType.VISIT, List.of("CN", "DE")),
                org.assertj.core.groups.Tuple.tuple(FactType.SUMMIT, List.of("CN", "G20")),
                org.assertj.core.groups.Tuple.tuple(FactType.STATEMENT_SIGNED, List.of("G20")),
                org.assertj.core.groups.Tuple.tuple(FactType.MEETING, List.of("CN", "SG")));
        assertThat(facts).allSatisfy(f -> {
            assertThat(text.substring(f.evidence().start(), f.evidence().end())).isEqualTo(f.evidence().text());
            assertThat(f.topics()).allMatch(t -> t.matches("[a-z0-9-]+"));
            assertThat(f.date() == null || f.date().matches("(\\d{4}|-)-\\d{2}-\\d{2}")).isTrue();
        });
        assertThat(facts).filteredOn(f -> f.type() == FactType.VISIT)
                .allSatisfy(f -> assertThat(f.date() + "/" + f.endDate()).isEqualTo("--07-03/--07-08"));
    }
}
