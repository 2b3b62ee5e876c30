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

    /** A report forced onto an event, for merge rules the event key never brings together. */
    private static Fact onEvent(String eventId, Fact fact) {
        return new Fact(fact.id(), fact.documentId(), fact.source(), fact.type(), fact.participants(), fact.initiator(),
                fact.persons(), fact.date(), fact.endDate(), fact.location(), fact.title(), fact.topics(),
                fact.confidence(), fact.evidence(), fact.extractor(), eventId, null, null, null);
    }

    private final Fact xinhua = report("7月4日，习近平同普京在莫斯科举行会谈。", FactType.TALKS, "2017-07-04", null, "莫斯科", "习近平", "普京");
    private final Fact wire = report("Xi met Putin in Moscow on Tuesday.", FactType.MEETING, "2017-07-04", null, "Moscow", "Xi Jinping");
    private final Fact daily = report("两国元首4日在莫斯科会谈。", FactType.TALKS, "2017-07-04", null, "莫斯科");

    private static EventView foldAll(String eventId, List<Fact> facts) {
        EventView view = EventFold.empty(eventId);
        for (Fact fact : facts) {
            view = EventFold.fold(view, fact);
        }
        return view;
    }

    @Test
    void reportsOfTheSameTalksMergeIntoOneEventKeepingEveryEvidenceAndShowingWhatTheyDisagreeOn() {
        assertThat(wire.eventId()).isEqualTo(xinhua.eventId()).isEqualTo(daily.eventId());
        EventView event = foldAll(xinhua.eventId(), List.of(wire, xinhua, daily));

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
        assertThat(range.eventId()).isEqualTo(arrival.eventId());

        EventView event = foldAll(arrival.eventId(), List.of(arrival, range));
        assertThat(event.date()).isEqualTo("2017-07-03");
        assertThat(event.endDate()).isEqualTo("2017-07-08");
        assertThat(event.initiator()).isEqualTo("CN");
        assertThat(event.reports()).hasSize(2);
        assertThat(event.conflicts()).extracting(EventView.Conflict::field).containsExactly("location");
    }

    @Test
    void aFullDateBeatsOneWithoutYearAndDifferentEndsAreAConflict() {
        String eventId = xinhua.eventId();
        Fact yearless = onEvent(eventId, report("7月3日至8日访问俄罗斯。", FactType.VISIT, "--07-03", "--07-08", null));
        Fact full = onEvent(eventId, report("2017年7月3日至9日访问俄罗斯。", FactType.VISIT, "2017-07-03", "2017-07-09", null));
        EventView event = foldAll(eventId, List.of(yearless, full));
        assertThat(event.date()).isEqualTo("2017-07-03");
        assertThat(event.endDate()).isEqualTo("2017-07-09");
        assertThat(event.conflicts()).containsExactly(
                new EventView.Conflict("date", List.of("--07-03", "2017-07-03")),
                new EventView.Conflict("endDate", List.of("--07-08", "2017-07-09")));
    }

    @Test
    void aFactOfAnotherEventOrOneAlreadyInTheViewLeavesItUnchanged() {
        EventView event = foldAll(xinhua.eventId(), List.of(xinhua));
        Fact call = report("7月4日，习近平同普京通电话。", FactType.PHONE_CALL, "2017-07-04", null, null);
        assertThat(call.eventId()).isNotEqualTo(xinhua.eventId());
        assertThat(EventFold.fold(event, call)).isSameAs(event);
        assertThat(EventFold.fold(event, xinhua)).isSameAs(event);
    }

    @Test
    void aRetractedReportLeavesTheEventAndTheLastOneEmptiesIt() {
        EventView event = foldAll(xinhua.eventId(), List.of(xinhua, wire));
        EventView withoutWire = EventFold.retract(event, wire.id());
        assertThat(Json.write(withoutWire)).isEqualTo(Json.write(foldAll(xinhua.eventId(), List.of(xinhua))));
        assertThat(withoutWire.conflicts()).isEmpty();
        assertThat(EventFold.retract(withoutWire, wire.id())).isSameAs(withoutWire);

        EventView empty = EventFold.retract(withoutWire, xinhua.id());
        assertThat(empty.reports()).isEmpty();
        assertThat(empty.type()).isNull();
        assertThat(empty.documentCount()).isZero();
        assertThat(Json.write(empty)).isEqualTo(Json.write(EventFold.empty(xinhua.eventId())));
    }

    @Test
    void anyOrderOfArrivalRedeliveriesAndRetractionsGivesTheSameBytesAsARebuildFromThePublishedView() {
        List<Fact> reports = new ArrayList<>(List.of(xinhua, wire, daily));
        for (int i = 0; i < 5; i++) {
            reports.add(report("第" + i + "篇报道：两国元首举行会谈。", i % 2 == 0 ? FactType.TALKS : FactType.MEETING,
                    "2017-07-04", null, i % 3 == 0 ? "克里姆林宫" : "莫斯科"));
        }
        Fact retracted = reports.get(4);
        String expected = Json.write(foldAll(xinhua.eventId(), reports.stream().filter(f -> f != retracted).toList()));
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            List<Fact> log = new ArrayList<>(reports);
            log.add(reports.get(random.nextInt(reports.size()))); // a re-delivery
            Collections.shuffle(log, random);
            EventView event = EventFold.empty(xinhua.eventId());
            for (Fact fact : log) {
                event = EventFold.fold(event, fact);
            }
            event = EventFold.retract(event, retracted.id());
            assertThat(Json.write(event)).as("round %d", round).isEqualTo(expected);
        }
    }
}
