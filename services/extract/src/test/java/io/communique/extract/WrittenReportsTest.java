package io.communique.extract;

import io.communique.model.Fact;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sets of reports written for evaluation (src/test/resources/written/README.md), scored as the dev corpus is:
 * each set's F1 is a ratchet, raised with every gain, never lowered.
 */
class WrittenReportsTest {

    @ParameterizedTest(name = "set {0} keeps F1 >= {1}")
    @CsvSource({"a, 0.92", "b, 0.86", "c, 0.89", "d, 0.75", "e, 0.81", "f, 0.86", "g, 0.84", "h, 0.87", "i, 0.79", "j, 0.79"})
    void eachWrittenSetHoldsItsRatchet(String set, double minF1) throws IOException, URISyntaxException {
        Path folder = Path.of(WrittenReportsTest.class.getResource("/written/" + set + "/gold.jsonl").toURI()).getParent();
        List<GoldScoring.Scored> gold = GoldScoring.readGold(folder.resolve("gold.jsonl"));
        Map<String, List<Fact>> facts = GoldScoring.extractFolder(folder.resolve("docs"));
        GoldScoring.Result result = GoldScoring.score(gold, GoldScoring.predictions(facts));
        System.out.println(result.summary("written set " + set, facts.size()));

        assertThat(result.f1()).as("F1 of written set " + set).isGreaterThanOrEqualTo(minF1);
    }
}
