package io.communique.projection;

import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random reports of one pair, with odd titles, names, places, days (29 February without year, ranges) and sentences
 * naming months and years: resolving never fails, and any order of arrival gives the same events.
 */
class EventResolverPropertyTest {
    private static final String[] TITLES = {null, "", "联合声明", "Joint Statement", "合作路线图", "Roadmap", "联合公报",
            "Treaty", "条约", "宣言", "《》", "Declaration on Ports"};
    private static final String[] PERSONS = {"Xi", "习近平", "", "·", "Kim Jong Un", "尹錫悅", "윤석열", "Ms. X", "   "};
    private static final String[] PLACES = {null, "", "Bali", "巴厘岛", "Lima", "·"};
    private static final String[] SENTENCES = {null, "", "They met last November.", "去年11月两国元首会晤。",
            "2018年的会谈", "Nov. 14", "十二月", "13月", "in May 2020", "0月"};

    @Test
    void anyReportsInAnyOrderResolveToTheSameEvents() {
        FactType[] types = FactType.values();
        for (int seed = 0; seed < 60; seed++) {
            Random random = new Random(seed);
            List<Fact> facts = new ArrayList<>();
            for (int i = 0, n = 2 + random.nextInt(30); i < n; i++) {
                LocalDate day = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(900));
                int precision = random.nextInt(4);
                String date = precision == 0 ? null : precision == 1 ? "--" + day.toString().substring(5) : day.toString();
                if (random.nextInt(20) == 0) {
                    date = "--02-29";
                }
                String end = date == null || random.nextInt(5) > 0 ? null : date.startsWith("--")
                        ? "--" + day.plusDays(3).toString().substring(5) : day.plusDays(random.nextInt(90) - 5).toString();
                List<String> persons = new ArrayList<>();
                for (int j = random.nextInt(3); j > 0; j--) {
                    persons.add(PERSONS[random.nextInt(PERSONS.length)]);
                }
                String sentence = SENTENCES[random.nextInt(SENTENCES.length)];
                facts.add(new Fact("f" + seed + "-" + i, "doc" + random.nextInt(6), "test",
                        types[random.nextInt(types.length)], List.of("CN", "US"),
                        random.nextBoolean() ? null : random.nextBoolean() ? "CN" : "US", persons, date, end,
                        PLACES[random.nextInt(PLACES.length)], TITLES[random.nextInt(TITLES.length)], List.of(), 0.9,
                        sentence == null ? null : new Evidence(sentence, 0, sentence.length()),
                        new ExtractorInfo("rules", "test")));
            }
            List<EventResolver.Resolved> expected = EventResolver.resolve(facts);
            for (int round = 0; round < 4; round++) {
                Collections.shuffle(facts, random);
                assertThat(EventResolver.resolve(facts)).as("seed %d, round %d", seed, round).isEqualTo(expected);
            }
        }
    }
}
