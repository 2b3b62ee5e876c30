package io.communique.extract;

import io.communique.model.Fact;
import io.communique.model.FactType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What is an event at all (plans, negations, summits), and relative dates against the published date. */
class ScopeAndDatesTest {

    @Test
    void plansInvitationsAndNegationsAreNotEvents() {
        assertThat(Facts.of("李强将于下周对日本进行正式访问。", "2024-05-01")).isEmpty();
        assertThat(Facts.of("王毅邀请布林肯访问中国。", "2024-05-01")).isEmpty();
        assertThat(Facts.of("双方没有签署任何协议。", "2024-05-01")).isEmpty();
        assertThat(Facts.of("The two leaders will meet in Paris next month.", "2024-05-01")).isEmpty();
        assertThat(Facts.of("The agreements are ready for signing.", "2024-05-01")).isEmpty();
    }

    @Test
    void yesterdayResolvesAgainstThePublishedDate() {
        List<Fact> facts = Facts.of("习近平昨天同来访的巴西总统卢拉举行会谈。", "2023-04-15");

        assertThat(facts).extracting(Fact::type, Fact::participants, Fact::date)
                .containsExactly(tuple(FactType.VISIT, List.of("BR", "CN"), "2023-04-14"), // 来访的: the visit under way
                        tuple(FactType.TALKS, List.of("BR", "CN"), "2023-04-14"));
    }

    @Test
    void theSameDayRefersToTheLastDateWritten() {
        List<Fact> facts = Facts.of("日本首相岸田文雄5月26日抵达首尔,开始对韩国进行访问,并于当天下午与韩国总统尹锡悦举行会谈。", "2024-05-27");

        assertThat(facts).extracting(Fact::type, Fact::date).containsExactly(
                tuple(FactType.VISIT, "2024-05-26"), tuple(FactType.TALKS, "2024-05-26"));
    }

    @Test
    void summitIsOneEventPerAttendingCountryWithTheChairAsInitiator() {
        List<Fact> facts = Facts.of("上海合作组织轮值主席国哈萨克斯坦总统托卡耶夫主持会议,白俄罗斯总统卢卡申科、巴基斯坦总理夏巴兹出席。", "2024-07-05");

        assertThat(facts).extracting(Fact::participants, Fact::initiator).containsExactly(
                tuple(List.of("KZ", "SCO"), "KZ"),
                tuple(List.of("BY", "SCO"), null),
                tuple(List.of("PK", "SCO"), null));
    }

    @Test
    void sidelinesAloneDoNotStateAttendanceButParticipationDoes() {
        assertThat(Facts.of("Indonesian President Joko Widodo met Malaysian Prime Minister Anwar Ibrahim on the sidelines of the ASEAN Summit.", null))
                .extracting(Fact::type).containsExactly(FactType.MEETING);
        assertThat(Facts.of("Singapore Prime Minister Lee Hsien Loong participated in the ASEAN Summit in Bangkok.", "2019-06-23"))
                .extracting(Fact::type, Fact::participants).containsExactly(tuple(FactType.SUMMIT, List.of("ASEAN", "SG")));
    }

    @Test
    void leavingForASummitIsNotAttendingIt() {
        assertThat(Facts.of("国务院总理李强乘专机离开北京,赴印度出席二十国集团领导人峰会。", "2023-09-08")).isEmpty();
    }

    @Test
    void reportWithoutEventsGivesNoFacts() {
        assertThat(Facts.of("中方愿同各方一道,推动构建人类命运共同体。双方同意加强经贸合作。", "2024-01-01")).isEmpty();
    }

    @Test
    void anEventWithoutADateInItsParagraphTakesTheLastDateNarratedBeforeIt() {
        List<Fact> facts = Facts.of("新华社北京3月12日电 国家主席习近平12日在人民大会堂同越南国家主席举行会谈。\n"
                + "会谈后,两国元首共同见证签署了经贸合作协议。", "2025-03-13");

        assertThat(facts).extracting(Fact::type, Fact::date).contains(
                tuple(FactType.TALKS, "2025-03-12"), tuple(FactType.AGREEMENT_SIGNED, "2025-03-12"));
    }

    @Test
    void aHeadlineWithoutADateTakesTheDateline() {
        List<Fact> facts = Facts.of("Spanish, Moroccan leaders hold talks in Rabat\n"
                + "RABAT, February 2 (Reuters) -- The prime ministers of Spain and Morocco discussed migration and trade.", "2023-02-03");

        assertThat(facts).extracting(Fact::type, Fact::participants, Fact::date)
                .containsExactly(tuple(FactType.TALKS, List.of("ES", "MA"), "2023-02-02"));
    }

    @Test
    void aWeekdayWithItsDayInBracketsTakesTheMonthOfTheReportOrTheMonthNamedNearby() {
        assertThat(Facts.of("Brazilian President Lula met with Chilean President Gabriel Boric this Friday (14th) in Brasília.", "2023-04-15"))
                .extracting(Fact::type, Fact::date).containsExactly(tuple(FactType.MEETING, "2023-04-14"));
        assertThat(Facts.of("Brazilian President Lula met with Chilean President Gabriel Boric this Friday (14th), ahead of the April summit.", null))
                .extracting(Fact::type, Fact::date).containsExactly(tuple(FactType.MEETING, "--04-14"));
    }

    @Test
    void aDateThatQualifiesANounIsNotTheEventsDate() {
        List<Fact> facts = Facts.of("ASTANA, June 9. Uzbek President Shavkat Mirziyoyev is on a state visit to Kazakhstan, "
                + "his first trip abroad since the June 4 parliamentary election.", null);

        assertThat(facts).extracting(Fact::type, Fact::date).containsExactly(tuple(FactType.VISIT, "--06-09"));
    }
}
