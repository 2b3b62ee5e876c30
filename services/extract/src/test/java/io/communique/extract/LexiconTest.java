package io.communique.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The extractor tags facts with the topics of the taxonomy it shares with the labels (model's Labels). */
class LexiconTest {

    @Test
    void factsAreTaggedWithTopicsOfTheirSentence() {
        assertThat(Facts.of("习近平同普京举行会谈,双方就朝鲜半岛局势和能源合作交换意见。", "2019-06-05"))
                .singleElement().satisfies(f -> assertThat(f.topics()).contains("korean-peninsula", "energy"));
    }
}
