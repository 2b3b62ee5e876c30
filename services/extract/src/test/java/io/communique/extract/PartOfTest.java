package io.communique.extract;

import io.communique.model.Fact;
import io.communique.model.FactType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** partOf: the visit or summit of the same report during which a talks, meeting or signing happened. */
class PartOfTest {

    @Test
    void aSigningDuringTheVisitIsPartOfTheVisit() {
        List<Fact> facts = Facts.of("3月20日至22日,国家主席习近平对俄罗斯进行国事访问。访问期间,两国元首签署了《关于深化新时代全面战略协作伙伴关系的联合声明》。",
                "2023-03-23");

        Fact visit = single(facts, FactType.VISIT);
        assertThat(single(facts, FactType.STATEMENT_SIGNED).partOf()).isEqualTo(visit.id());
        assertThat(visit.partOf()).isNull();
    }

    @Test
    void aSignedAgreementDuringHisVisitIsPartOfIt() {
        List<Fact> facts = Facts.of("Brazilian President Lula arrived in Tokyo on May 19 for a state visit to Japan. "
                + "During his visit, Brazil and Japan signed an agreement on clean energy.", "2023-05-21");

        assertThat(single(facts, FactType.AGREEMENT_SIGNED).partOf()).isEqualTo(single(facts, FactType.VISIT).id());
    }

    @Test
    void aMeetingOnTheSidelinesOfASummitIsPartOfTheSubjectsAttendance() {
        List<Fact> facts = Facts.of("Indian Prime Minister Narendra Modi attended the G20 summit in Rome on October 30. "
                + "On the sidelines of the G20 summit, Modi met Spanish Prime Minister Pedro Sanchez.", "2021-10-31");

        Fact summit = single(facts, FactType.SUMMIT);
        assertThat(summit.participants()).containsExactly("G20", "IN");
        assertThat(single(facts, FactType.MEETING).partOf()).isEqualTo(summit.id());
    }

    @Test
    void aMeetingDuringAnUnnamedMeetingIsPartOfTheReportsOnlySummit() {
        List<Fact> facts = Facts.of("国家主席习近平11月16日在旧金山出席亚太经合组织第三十次领导人非正式会议。会议期间,习近平会见了新西兰总理。",
                "2023-11-17");

        assertThat(single(facts, FactType.MEETING).partOf()).isEqualTo(single(facts, FactType.SUMMIT).id());
    }

    @Test
    void talksOnADayOfAVisitInTheHostCountryArePartOfIt() {
        List<Fact> facts = Facts.of("日本首相7月3日至5日对越南进行正式访问。7月4日,日本首相在河内同越南总理举行会谈。", "2023-07-06");

        assertThat(single(facts, FactType.TALKS).partOf()).isEqualTo(single(facts, FactType.VISIT).id());
    }

    @Test
    void talksAfterTheVisitOrWithAThirdCountryAreNotPartOfIt() {
        List<Fact> later = Facts.of("日本首相7月3日至5日对越南进行正式访问。7月8日,日本首相同越南总理举行会谈。", "2023-07-09");
        List<Fact> other = Facts.of("日本首相7月3日至5日对越南进行正式访问。7月4日,日本首相同老挝总理举行会谈。", "2023-07-06");

        assertThat(single(later, FactType.TALKS).partOf()).isNull();
        assertThat(single(other, FactType.TALKS).partOf()).isNull();
    }

    private static Fact single(List<Fact> facts, FactType type) {
        assertThat(Facts.ofType(facts, type)).as("%s in %s", type, facts).hasSize(1);
        return Facts.ofType(facts, type).get(0);
    }
}
