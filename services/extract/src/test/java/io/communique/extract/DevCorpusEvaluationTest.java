package io.communique.extract;

import io.communique.model.Fact;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores the extractor on the shared development corpus the way ../shared/tools/score-facts does ({@link GoldScoring})
 * and fails below the ratchets. The corpus is read where it lies, never copied into the project; without it the test is
 * skipped and says so.
 */
class DevCorpusEvaluationTest {
    private static final Path CORPUS = Path.of("../../../shared/corpus/dev");
    /** A ratchet: the F1 last reached on the whole corpus, rounded down; raise it with every gain, never lower it. */
    private static final double MIN_F1 = 0.97;
    /** A ratchet like {@link #MIN_F1}, for the share of matched events with a gold date whose date agrees. */
    private static final double MIN_DATE_AGREEMENT = 0.92;

    @Test
    void devCorpusF1AndDateAgreementHoldTheirRatchets() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(CORPUS.resolve("gold.jsonl")), "skipped: no dev corpus at " + CORPUS.toAbsolutePath());
        List<GoldScoring.Scored> gold = GoldScoring.readGold(CORPUS.resolve("gold.jsonl"));
        Map<String, List<Fact>> facts = GoldScoring.extractFolder(CORPUS.resolve("docs"));
        Set<String> docs = new TreeSet<>(facts.keySet());
        gold.forEach(event -> docs.add(event.doc()));
        GoldScoring.Result result = GoldScoring.score(gold, GoldScoring.predictions(facts));
        double f1 = result.f1();
        double dateAgreement = result.dateAgreement();
        System.out.println(result.summary("dev corpus", docs.size()));

        assertThat(f1).as("F1").isGreaterThanOrEqualTo(MIN_F1);
        assertThat(dateAgreement).as("date agreement on matched events with a gold date").isGreaterThanOrEqualTo(MIN_DATE_AGREEMENT);
    }
}
