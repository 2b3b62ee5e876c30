package io.communique.projection;

import io.communique.model.EventIds;
import io.communique.model.EventView;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class EventFoldTest {
    private static final List<String> CN_RU = List.of("CN", "RU");

    /** One report's fact, linked to its event the way the extractor links it. */
    private static Fact report(String text, FactType type, String date, String endDate, String location, String... persons) {
        String doc = Ids.documentId(text);
        Fact fact = new Fact(Ids.factId(doc, type, CN_RU, date, 0), doc, "test/" + text.length(), type, CN_RU,
                type == FactType.VISIT ? "CN" : null, List.of(persons), date, endDate, location, null, List.of(), 0.9,
                new Evidence(text, 0, text.length()), new ExtractorInfo("rules", "1"));
        return EventIds.link(fact, 0);
    }

    private final Fact xinhua = report("7月4日，习近平同普京在莫斯科举行会谈。", FactType.TALKS, "2017-07-04", null, "莫斯科", "习近平", "普京");
    private final Fact wire = report("Xi met Putin in Moscow on Tuesday.", FactType.MEETING, "2017-07-04", null, "Moscow", "Xi Jinping");
    private final Fact daily = report("两国元首4日在莫斯科会谈。", FactType.TALKS, "2017-07-04", null, "莫斯科");

    private static EventFold.State foldAll(List<Fact> facts) {
        EventFold.State parties = new EventFold.State();
        facts.forEach(parties::apply);
        return parties;
    }

    /** The parties' only event. */
    private static EventView onlyEvent(EventFold.State parties) {
        assertThat(parties.views()).hasSize(1);
        return parties.views().values().iterator().next();
    }

    @Test
    void reportsOfTheSameTalksMergeIntoOneEventKeepingEveryEvidenceAndShowingWhatTheyDisagreeOn() {
        EventView event = onlyEvent(foldAll(List.of(wire, xinhua, daily)));

        assertThat(event.type()).isEqualTo(FactType.TALKS);
        assertThat(event.participants()).isEqualTo(CN_RU);
        assertThat(event.date()).isEqualTo("2017-07-04");
        assertThat(event.location()).isEqualTo("莫斯科");
        assertThat(event.persons()).containsExactly("Xi Jinping", "习近平", "普京");
        assertThat(event.documentCount()).isEqualTo(3);
        assertThat(event.reports()).extracting(Fact::id).isSorted()
                .containsExactlyInAnyOrder(xinhua.id(), wire.id(), daily.id());
        assertThat(event.reports()).extracting(fact -> fact.evidence().text())
                .contains(xinhua.evidence().text(), wire.evidence().text());
        assertThat(event.conflicts()).containsExactly(
                new EventView.Conflict("type", List.of("MEETING", "TALKS")),
                new EventView.Conflict("location", List.of("Moscow", "莫斯科")));
    }

    @Test
    void aLaterReportWithTheRangeRefinesAVisitReportedOnArrivalWithoutLosingIt() {
        Fact arrival = report("习近平3日抵达莫斯科，开始国事访问。", FactType.VISIT, "2017-07-03", null, "莫斯科", "习近平");
        Fact range = report("7月3日至8日，习近平对俄罗斯进行国事访问。", FactType.VISIT, "2017-07-03", "2017-07-08", "俄罗斯", "习近平");
        EventView event = onlyEvent(foldAll(List.of(arrival, range)));
        assertThat(event.date()).isEqualTo("2017-07-03");
        assertThat(event.endDate()).isEqualTo("2017-07-08");
        assertThat(event.initiator()).isEqualTo("CN");
        assertThat(event.reports()).hasSize(2);
        assertThat(event.conflicts()).extracting(EventView.Conflict::field).containsExactly("location");
    }

    @Test
    void aFullDateBeatsOneWithoutYearAndDifferentEndsAreAConflict() {
        Fact yearless = report("7月3日至8日访问俄罗斯。", FactType.VISIT, "--07-03", "--07-08", null);
        Fact full = report("2017年7月3日至9日访问俄罗斯。", FactType.VISIT, "2017-07-03", "2017-07-09", null);
        EventView event = EventFold.view("e".repeat(32), List.of(yearless, full), List.of());
        assertThat(event.date()).isEqualTo("2017-07-03");
        assertThat(event.endDate()).isEqualTo("2017-07-09");
        assertThat(event.conflicts()).containsExactly(
                new EventView.Conflict("date", List.of("--07-03", "2017-07-03")),
                new EventView.Conflict("endDate", List.of("--07-08", "2017-07-09")));
    }

    @Test
    void aCallTheSameDayIsAnotherEventAndAReportAlreadyInChangesNothing() {
        EventFold.State parties = foldAll(List.of(xinhua));
        EventView talks = onlyEvent(parties);
        assertThat(parties.apply(xinhua)).isFalse();
        assertThat(parties.views()).containsExactly(Map.entry(talks.id(), talks));

        Fact call = report("7月4日，习近平同普京通电话。", FactType.PHONE_CALL, "2017-07-04", null, null);
        assertThat(parties.apply(call)).isTrue();
        assertThat(parties.views()).hasSize(2).containsEntry(talks.id(), talks);
    }

    @Test
    void aRetractedReportLeavesTheEventAndTheLastOneRemovesIt() {
        EventFold.State parties = foldAll(List.of(xinhua, wire));
        assertThat(parties.retract(wire.id())).isTrue();
        EventView withoutWire = onlyEvent(parties);
        assertThat(Json.write(withoutWire)).isEqualTo(Json.write(onlyEvent(foldAll(List.of(xinhua)))));
        assertThat(withoutWire.conflicts()).isEmpty();
        assertThat(withoutWire.joins()).isEmpty();
        assertThat(parties.retract(wire.id())).isFalse();

        assertThat(parties.retract(xinhua.id())).isTrue();
        assertThat(parties.views()).isEmpty(); // the projection removes the event's view
    }

    @Test
    void anyOrderOfArrivalRedeliveriesAndRetractionsGivesTheSameBytesAsFoldingTheRemainingReports() {
        List<Fact> reports = new ArrayList<>(List.of(xinhua, wire, daily));
        for (int i = 0; i < 5; i++) {
            reports.add(report("第" + i + "篇报道：两国元首举行会谈。", i % 2 == 0 ? FactType.TALKS : FactType.MEETING,
                    "2017-07-04", null, i % 3 == 0 ? "克里姆林宫" : "莫斯科"));
        }
        Fact retracted = reports.get(4);
        String expected = Json.write(foldAll(reports.stream().filter(f -> f != retracted).toList()).views());
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            List<Fact> log = new ArrayList<>(reports);
            log.add(reports.get(random.nextInt(reports.size()))); // a re-delivery
            Collections.shuffle(log, random);
            EventFold.State parties = foldAll(log);
            parties.retract(retracted.id());
            assertThat(Json.write(parties.views())).as("round %d", round).isEqualTo(expected);
        }
    }
}
