package io.communique.model.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The labels the web UI shows come from the files the extractor reads its cues from. */
class LabelsTest {

    @Test
    void countryAndOrganisationNamesInBothLanguages() {
        Labels labels = Labels.get();

        assertThat(labels.countryName("DE", "zh")).isEqualTo("德国");
        assertThat(labels.countryName("DE", "en")).isEqualTo("Germany");
        assertThat(labels.countryName("G20", "zh")).isEqualTo("二十国集团");
        assertThat(labels.countryName("BRICS", "en")).isEqualTo("BRICS");
        assertThat(labels.countryName("XX", "en")).isNull();
        assertThat(Labels.get()).isSameAs(labels);
    }

    @Test
    void topicTaxonomyHasAtLeastThirtyTopicsWithValidIdsAndLabels() {
        assertThat(Labels.get().topics()).hasSizeGreaterThanOrEqualTo(30).allSatisfy(t -> {
            assertThat(t.id()).matches("[a-z0-9-]+");
            assertThat(t.zh()).isNotBlank();
            assertThat(t.en()).isNotBlank();
        });
        assertThat(Labels.get().topics()).extracting(Labels.TopicLabel::id).doesNotHaveDuplicates()
                .contains("belt-and-road", "korean-peninsula", "climate", "agenda-2030");
    }
}
