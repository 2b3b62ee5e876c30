package io.communique.web;

import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TimeLapseTest {
    private static Fact fact(String date, String... participants) {
        String doc = Ids.documentId("test");
        List<String> sorted = List.of(participants).stream().sorted().toList();
        return new Fact(Ids.factId(doc, FactType.TALKS, sorted, date, 0), doc, "test", FactType.TALKS, sorted, null,
                List.of(), date, null, null, null, List.of(), 0.9, new Evidence("s", 0, 1), new ExtractorInfo("r", "1"));
    }

    private final Fact early = fact("2017-07-02", "CN", "RU");
    private final Fact late = fact("2017-07-09", "CN", "DE");
    private final List<Fact> all = List.of(late, early, fact("2018-01-01", "CN", "US"), fact("--07-05", "CN", "FR"),
            fact(null, "CN", "JP"));

    private static long facts(List<String> messages) {
        return messages.stream().filter(m -> m.contains("\"replay-fact\"")).count();
    }

    @Test
    void playsOnlyTheFullyDatedFactsOfThePeriodInDateOrderAtTheChosenSpeed() {
        TimeLapse lapse = new TimeLapse(all, LocalDate.parse("2017-07-01"), LocalDate.parse("2017-07-31"), 2);
        assertThat(lapse.size()).isEqualTo(2);
        assertThat(lapse.advance(1)).isEmpty(); // paused until played
        lapse.control(Map.of("action", "play"));

        List<String> firstSecond = lapse.advance(1); // 2 days: up to 07-03
        assertThat(facts(firstSecond)).isEqualTo(1);
        assertThat(firstSecond.get(0)).contains(early.id());
        assertThat(firstSecond.get(firstSecond.size() - 1)).contains("\"date\":\"2017-07-03\"");

        assertThat(facts(lapse.advance(2))).isZero(); // up to 07-07
        assertThat(lapse.advance(1).get(0)).contains(late.id()); // 07-09
    }

    @Test
    void pauseStopsTheClockSpeedIsClampedAndTheEndIsAnnounced() {
        TimeLapse lapse = new TimeLapse(all, LocalDate.parse("2017-07-01"), LocalDate.parse("2017-07-31"), 1);
        lapse.control(Map.of("action", "play"));
        lapse.control(Map.of("action", "pause"));
        assertThat(lapse.advance(10)).isEmpty();
        lapse.control(Map.of("action", "speed", "value", 5000));
        assertThat(lapse.clock()).contains("\"speed\":1000");
        lapse.control(Map.of("action", "play"));
        List<String> messages = lapse.advance(1);
        assertThat(facts(messages)).isEqualTo(2);
        assertThat(messages.get(messages.size() - 1)).isEqualTo("{\"type\":\"replay-end\"}");
    }

    @Test
    void seekResetsTheClientAndSendsWhatIsDueAtTheNewDate() {
        TimeLapse lapse = new TimeLapse(all, LocalDate.parse("2017-07-01"), LocalDate.parse("2017-07-31"), 1);
        List<String> messages = lapse.control(Map.of("action", "seek", "value", "2017-07-05"));
        assertThat(messages.get(0)).isEqualTo("{\"type\":\"replay-reset\"}");
        assertThat(facts(messages)).isEqualTo(1);
        assertThat(lapse.control(Map.of("action", "seek", "value", "2017-07-01"))).noneMatch(m -> m.contains("replay-fact"));
    }
}
