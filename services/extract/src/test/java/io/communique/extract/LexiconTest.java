package io.communique.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The labels the web UI shows come from the extractor's own resources. */
class LexiconTest {

    @Test
    void countryAndOrganisationNamesInBothLanguages() {
        Lexicon lexicon = Lexicon.get();

        assertThat(lexicon.countryName("DE", "zh")).isEqualTo("德国");
        assertThat(lexicon.countryName("DE", "en")).isEqualTo("Germany");
        assertThat(lexicon.countryName("G20", "zh")).isEqualTo("二十国集团");
        assertThat(lexicon.countryName("BRICS", "en")).isEqualTo("BRICS");
        assertThat(lexicon.countryName("XX", "en")).isNull();
        assertThat(Lexicon.get()).isSameAs(lexicon);
    }

    @Test
    void topicTaxonomyHasAtLeastThirtyTopicsWithValidIdsAndLabels() {
        assertThat(Lexicon.get().topics()).hasSizeGreaterThanOrEqualTo(30).allSatisfy(t -> {
            assertThat(t.id()).matches("[a-z0-9-]+");
            assertThat(t.zh()).isNotBlank();
            assertThat(t.en()).isNotBlank();
        });
        assertThat(Lexicon.get().topics()).extracting(Lexicon.TopicLabel::id).doesNotHaveDuplicates()
                .contains("belt-and-road", "korean-peninsula", "climate", "agenda-2030");
    }

    @Test
    void factsAreTaggedWithTopicsOfTheirSentence() {
        assertThat(Facts.of("习近平同普京举行会谈,双方就朝鲜半岛局势和能源合作交换意见。", "2019-06-05"))
                .singleElement().satisfies(f -> assertThat(f.topics()).contains("korean-peninsula", "energy"));
    }
}
