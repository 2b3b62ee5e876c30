package io.communique.projection;

import io.communique.model.EventIds;
import io.communique.model.EventView;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Provenance;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports of the same parties, written for these tests in Chinese and English, resolved into events. */
class EventResolverTest {
    private static final List<String> CN_KZ = List.of("CN", "KZ");
    private static final List<String> DE_FR = List.of("DE", "FR");

    /** A report's fact as the extractor gives it: its document is the sentence, unless named. */
    private record Report(String sentence, String document, FactType type, List<String> parties, String date,
                          String endDate, String initiator, String location, String title, String dateRule,
                          List<String> persons) {
        Report(String sentence, FactType type, List<String> parties, String date) {
            this(sentence, sentence, type, parties, date, null, null, null, null, "absolute", List.of());
        }

        Report in(String document) {
            return new Report(sentence, document, type, parties, date, endDate, initiator, location, title, dateRule, persons);
        }

        Report at(String place) {
            return new Report(sentence, document, type, parties, date, endDate, initiator, place, title, dateRule, persons);
        }

        Report titled(String name) {
            return new Report(sentence, document, type, parties, date, endDate, initiator, location, name, dateRule, persons);
        }

        Report until(String end) {
            return new Report(sentence, document, type, parties, date, end, initiator, location, title, dateRule, persons);
        }

        Report by(String code) {
            return new Report(sentence, document, type, parties, date, endDate, code, location, title, dateRule, persons);
        }

        Report datedBy(String rule) {
            return new Report(sentence, document, type, parties, date, endDate, initiator, location, title, rule, persons);
        }

        Report naming(String... names) {
            return new Report(sentence, document, type, parties, date, endDate, initiator, location, title, dateRule,
                    List.of(names));
        }

        Fact fact() {
            String doc = Ids.documentId(document);
            Fact fact = new Fact(Ids.factId(doc, type, parties, date, sentence.hashCode()), doc, "test", type, parties,
                    initiator, persons, date, endDate, location, title, List.of(), 0.9,
                    new Evidence(sentence, 0, sentence.length()), new ExtractorInfo("rules", "test"), null, null, null,
                    new Provenance(date == null ? null : dateRule, List.of(), null));
            return EventIds.link(fact, 0);
        }
    }

    private static List<EventResolver.Resolved> resolve(Report... reports) {
        return EventResolver.resolve(List.of(reports).stream().map(Report::fact).toList());
    }

    /** The events as sets of evidence sentences. */
    private static Set<Set<String>> events(Report... reports) {
        return resolve(reports).stream()
                .map(event -> event.reports().stream().map(fact -> fact.evidence().text()).collect(Collectors.toSet()))
                .collect(Collectors.toSet());
    }

    private static Set<String> event(Report... reports) {
        return List.of(reports).stream().map(Report::sentence).collect(Collectors.toSet());
    }

    private final Report talksInAstana = new Report("2024年7月3日，习近平在阿斯塔纳同托卡耶夫举行会谈。", FactType.TALKS,
            CN_KZ, "2024-07-03").at("阿斯塔纳");
    private final Report metInAstana = new Report("Xi Jinping met Kassym-Jomart Tokayev in Astana on Thursday, the "
            + "Kazakh presidency said.", FactType.MEETING, CN_KZ, "2024-07-04").at("Astana");

    @Test
    void theSameTalksReportedInChineseAndEnglishADayApartAreOneEventThatSaysWhy() {
        List<EventResolver.Resolved> resolved = resolve(talksInAstana, metInAstana);

        assertThat(resolved).hasSize(1);
        EventResolver.Resolved talks = resolved.get(0);
        assertThat(talks.reports()).extracting(Fact::type).containsExactlyInAnyOrder(FactType.TALKS, FactType.MEETING);
        assertThat(talks.joins()).containsExactly(new EventView.Join(metInAstana.fact().id(), talksInAstana.fact().id(),
                List.of("parties", "type family", "date ±1 day")));
    }

    @Test
    void twoOccasionsOfTheSamePartiesAYearApartStayTwoEvents() {
        Report earlier = new Report("2023年7月3日，两国元首在阿斯塔纳举行会谈。", FactType.TALKS, CN_KZ, "2023-07-03").at("阿斯塔纳");

        assertThat(events(earlier, talksInAstana, metInAstana))
                .containsExactlyInAnyOrder(event(earlier), event(talksInAstana, metInAstana));
    }

    @Test
    void aReportDatedByItsPublicationYearJoinsThatYearsEventAndOneWithoutAnyYearJoinsOnlyAnUnambiguousDay() {
        Report lastYear = new Report("2023年7月3日，两国元首在阿斯塔纳举行会谈。", FactType.TALKS, CN_KZ, "2023-07-03");
        Report published2024 = new Report("7月3日，两国元首举行会谈，签署多项合作文件。", FactType.TALKS, CN_KZ, "2024-07-03")
                .datedBy("absolute, year from published date");
        Report noYear = new Report("On July 3 the two presidents held talks on transit corridors.", FactType.TALKS, CN_KZ,
                "--07-03");

        // Two July 3 talks of different years: the report with no year at all cannot tell which.
        assertThat(events(lastYear, talksInAstana, published2024, noYear))
                .containsExactlyInAnyOrder(event(lastYear), event(talksInAstana, published2024), event(noYear));
        // One July 3 talks only: it is that one.
        EventResolver.Resolved only = resolve(talksInAstana, noYear).get(0);
        assertThat(only.reports()).hasSize(2);
        assertThat(only.joins()).extracting(EventView.Join::agreed)
                .containsExactly(List.of("parties", "type", "day without year"));
    }

    @Test
    void aJointStatementTitledInChineseAndInEnglishIsOneEventButTwoAgreementsOfOneDayAreTwo() {
        Report chinese = new Report("5月6日，两国元首签署《中法关于中东局势的联合声明》。", FactType.STATEMENT_SIGNED,
                List.of("CN", "FR"), "2024-05-06").titled("中法关于中东局势的联合声明");
        Report english = new Report("Paris and Beijing issued a Joint Statement on the Middle East on Tuesday.",
                FactType.STATEMENT_SIGNED, List.of("CN", "FR"), "2024-05-07").titled("Joint Statement on the Middle East");
        assertThat(events(chinese, english)).containsExactly(event(chinese, english));
        assertThat(resolve(chinese, english).get(0).joins()).singleElement().extracting(EventView.Join::agreed)
                .isEqualTo(List.of("parties", "type", "title kind: joint statement", "date ±1 day"));

        Report aviation = new Report("双方签署了《民用航空合作协定》。", FactType.AGREEMENT_SIGNED, List.of("CN", "FR"),
                "2024-05-06").titled("民用航空合作协定");
        Report culture = new Report("两国还签署了《文化合作协定》。", FactType.AGREEMENT_SIGNED, List.of("CN", "FR"),
                "2024-05-06").titled("文化合作协定");
        Report anAgreement = new Report("The two sides also signed a cooperation agreement on Monday.",
                FactType.AGREEMENT_SIGNED, List.of("CN", "FR"), "2024-05-06").titled("Cooperation Agreement");
        // Which of the two agreements the English one is, only its wording could tell: it stays apart.
        assertThat(events(aviation, culture, anAgreement))
                .containsExactlyInAnyOrder(event(aviation), event(culture), event(anAgreement));
    }

    @Test
    void aCommuniqueInChineseIsTheJointStatementInEnglishButNotInTheSameScript() {
        List<String> deFr = DE_FR;
        Report communique = new Report("两国领导人8月5日签署《德法联合公报》。", FactType.STATEMENT_SIGNED, deFr,
                "2024-08-05").titled("德法联合公报");
        Report statement = new Report("The leaders signed a Joint Statement on 5 August.", FactType.STATEMENT_SIGNED,
                deFr, "2024-08-05").titled("Joint Statement");
        assertThat(events(communique, statement)).containsExactly(event(communique, statement));
        assertThat(resolve(communique, statement).get(0).joins()).singleElement().extracting(EventView.Join::agreed)
                .isEqualTo(List.of("parties", "type", "title kind: joint communiqué = joint statement", "date"));

        Report declaration = new Report("同日，双方还发表《德法联合声明》。", FactType.STATEMENT_SIGNED, deFr, "2024-08-05")
                .titled("德法联合声明");
        Report treaty = new Report("They also signed a treaty on 5 August.", FactType.AGREEMENT_SIGNED, deFr,
                "2024-08-05").titled("Treaty of Friendship");
        Report roadmap = new Report("8月5日，双方通过《合作路线图》。", FactType.AGREEMENT_SIGNED, deFr, "2024-08-05")
                .titled("合作路线图");
        // A title of no kind in the lexicon matches no title in another script.
        assertThat(events(roadmap, statement)).containsExactlyInAnyOrder(event(roadmap), event(statement));
        // Two Chinese titles of one day are two texts; a treaty is no communiqué.
        assertThat(events(communique, declaration, treaty))
                .containsExactlyInAnyOrder(event(communique), event(declaration), event(treaty));
    }

    @Test
    void aVisitAndTheTalksHeldDuringItAndTwoVisitsInOppositeDirectionsStayApart() {
        Report visit = new Report("7月2日至4日，习近平对哈萨克斯坦进行国事访问。", FactType.VISIT, CN_KZ, "2024-07-02")
                .until("2024-07-04").by("CN");
        Report arrival = new Report("Xi arrived in Astana on July 2 for a state visit.", FactType.VISIT, CN_KZ, "2024-07-02")
                .by("CN");
        Report returnVisit = new Report("托卡耶夫7月3日起对中国进行访问。", FactType.VISIT, CN_KZ, "2024-07-03").by("KZ");

        assertThat(events(visit, arrival, talksInAstana, metInAstana, returnVisit)).containsExactlyInAnyOrder(
                event(visit, arrival), event(talksInAstana, metInAstana), event(returnVisit));
    }

    @Test
    void reportsDatedByDifferentDaysOfAVisitJoinItsRange() {
        Report range = new Report("Scholz visited France from 11 to 13 March.", FactType.VISIT, DE_FR, "2024-03-11")
                .until("2024-03-13").by("DE");
        Report secondDay = new Report("12日，德国总理在巴黎继续访问。", FactType.VISIT, DE_FR, "2024-03-12").by("DE");

        List<EventResolver.Resolved> resolved = resolve(range, secondDay);
        assertThat(resolved).hasSize(1);
        assertThat(resolved.get(0).joins()).extracting(EventView.Join::agreed)
                .containsExactly(List.of("parties", "type", "date in range"));
    }

    @Test
    void reportsOfConsecutiveDaysDoNotChainIntoOneEvent() {
        Report monday = new Report("Macron and Scholz met in Berlin on Monday, 8 April.", FactType.MEETING, DE_FR, "2024-04-08");
        Report tuesday = new Report("4月9日，德法两国领导人在柏林会晤。", FactType.MEETING, DE_FR, "2024-04-09");
        Report wednesday = new Report("The leaders met again on 10 April in Paris.", FactType.MEETING, DE_FR, "2024-04-10");

        // Tuesday's is a day from both, Monday's and Wednesday's two days apart: not all three are one event.
        assertThat(events(monday, tuesday, wednesday)).containsExactlyInAnyOrder(event(monday, tuesday), event(wednesday));
    }

    @Test
    void oneReportRepeatingAnEncounterIsOneEventButTwoDaysOfItAreTwo() {
        String report = "two-day summit report";
        Report lead = new Report("9月1日，两国外长在北京举行会谈。", FactType.TALKS, CN_KZ, "2024-09-01").in(report);
        Report again = new Report("会谈中，双方就地区局势交换意见。", FactType.TALKS, CN_KZ, "2024-09-01").in(report);
        Report nextDay = new Report("次日，两国外长再次会见。", FactType.MEETING, CN_KZ, "2024-09-02").in(report);

        assertThat(events(lead, again, nextDay)).containsExactlyInAnyOrder(event(lead, again), event(nextDay));
        assertThat(resolve(lead, again, nextDay)).flatExtracting(EventResolver.Resolved::joins)
                .extracting(EventView.Join::agreed).containsExactly(List.of("parties", "type", "same report, same day"));
    }

    @Test
    void anUndatedMentionJoinsOnlyTheOneEventOfItsPlace() {
        Report inLima = new Report("On 16 November Xi met Biden in Lima.", FactType.MEETING, List.of("CN", "US"),
                "2024-11-16").at("Lima");
        Report inWoodside = new Report("2023年11月15日，两国元首在伍德赛德会晤。", FactType.MEETING, List.of("CN", "US"),
                "2023-11-15").at("伍德赛德");
        Report recalled = new Report("The two leaders last met in Lima.", FactType.MEETING, List.of("CN", "US"), null)
                .at("Lima");
        Report vague = new Report("双方领导人此前曾多次会晤。", FactType.MEETING, List.of("CN", "US"), null);

        assertThat(events(inLima, inWoodside, recalled, vague))
                .containsExactlyInAnyOrder(event(inLima, recalled), event(inWoodside), event(vague));
    }

    private static final List<String> CN_US = List.of("CN", "US");
    private final Report inWoodside = new Report("2023年11月15日，两国元首在伍德赛德会晤。", FactType.MEETING, CN_US,
            "2023-11-15").at("伍德赛德").naming("习近平", "拜登");
    private final Report inBali = new Report("Xi Jinping and Joe Biden met in Bali on Monday, 14 November.",
            FactType.TALKS, CN_US, "2022-11-14").at("Bali").naming("Xi Jinping", "Joe Biden");

    /** A report of a later day of the same parties: what it dates stands for its day. */
    private static Report callOf(String document, String date) {
        return new Report("The two presidents spoke by phone on " + date + ".", FactType.PHONE_CALL, CN_US, date)
                .in(document);
    }

    @Test
    void anUndatedMentionRecallsTheLastEncounterBeforeItsReportsDay() {
        Report call = callOf("call report", "2024-04-02");
        Report lastMet = new Report("The two leaders last met in person in November near San Francisco.",
                FactType.MEETING, CN_US, null).in("call report");

        assertThat(events(inBali, inWoodside, call, lastMet))
                .containsExactlyInAnyOrder(event(inBali), event(inWoodside, lastMet), event(call));
        EventResolver.Resolved woodside = resolve(inBali, inWoodside, call, lastMet).stream()
                .filter(event -> event.reports().size() == 2).findFirst().orElseThrow();
        assertThat(woodside.joins()).containsExactly(new EventView.Join(lastMet.fact().id(), inWoodside.fact().id(),
                List.of("parties", "type", "last before the report's day 2024-04-02")));
    }

    @Test
    void aReportWithoutYearCountsBackFromTheDatedEventItsDayJoined() {
        Report call = callOf("an outlet's report", "2024-04-02");
        Report callNoYear = new Report("4月2日晚，两国元首通电话。", FactType.PHONE_CALL, CN_US, "--04-02")
                .in("a report without year");
        Report november = new Report("习近平指出，去年11月，两国元首成功会晤。", FactType.MEETING, CN_US, null)
                .in("a report without year").naming("习近平");

        assertThat(events(inBali, inWoodside, call, callNoYear, november)).containsExactlyInAnyOrder(
                event(inBali), event(inWoodside, november), event(call, callNoYear));
        // Alone, the report without year has no year to count back from.
        assertThat(events(inBali, inWoodside, callNoYear, november)).containsExactlyInAnyOrder(
                event(inBali), event(inWoodside), event(callNoYear), event(november));
    }

    @Test
    void aMentionNamingAnotherPlaceOrPersonPassesOverTheLastEncounterForTheOneBeforeOrNone() {
        Report talks2022 = new Report("Xi Jinping and Joe Biden held talks on Monday, 14 November 2022.",
                FactType.TALKS, CN_US, "2022-11-14").naming("Xi Jinping", "Joe Biden");
        Report inLima = new Report("Xi and Biden met in Lima on 16 November.", FactType.MEETING, CN_US, "2023-11-16")
                .at("Lima").naming("Xi", "Biden");
        Report lateNovember = callOf("december report", "2023-12-01");
        Report lastInBali = new Report("Before that, Biden and Xi had met face to face in Bali.", FactType.MEETING,
                CN_US, null).in("december report").at("Bali").naming("Biden", "Xi");
        Report governor = new Report("Governor Newsom met Xi during his trip to China.", FactType.MEETING, CN_US, null)
                .in("december report").naming("Newsom", "Xi");

        // Lima is not Bali: the talks 382 days before are the ones; no encounter names the governor.
        assertThat(events(talks2022, inLima, lateNovember, lastInBali, governor)).containsExactlyInAnyOrder(
                event(talks2022, lastInBali), event(inLima), event(lateNovember), event(governor));
        assertThat(resolve(talks2022, inLima, lateNovember, lastInBali, governor))
                .flatExtracting(EventResolver.Resolved::joins).containsExactly(new EventView.Join(lastInBali.fact().id(),
                        talks2022.fact().id(), List.of("parties", "type family",
                        "last before the report's day 2023-12-01", "persons")));
    }

    @Test
    void aMentionNamingAMonthOrAYearRecallsOnlyAnOccasionInIt() {
        Report inMarch = new Report("3月5日，两国元首在北京会晤。", FactType.MEETING, CN_US, "2023-03-05");
        Report inJune = new Report("The presidents met again on 20 June 2023.", FactType.MEETING, CN_US, "2023-06-20");
        Report october = callOf("october report", "2023-10-10");
        Report marchMeeting = new Report("双方领导人3月的会晤为关系回暖奠定了基础。", FactType.MEETING, CN_US, null)
                .in("october report");
        Report forum = new Report("They first met at a 2007 forum.", FactType.MEETING, CN_US, null).in("october report");

        assertThat(events(inMarch, inJune, october, marchMeeting, forum)).containsExactlyInAnyOrder(
                event(inMarch, marchMeeting), event(inJune), event(october), event(forum));
    }

    @Test
    void aMentionThatMayBeItsReportsOwnTalksRecallsOnlyByANamedMonthOrPlace() {
        Report talks = new Report("2023年11月15日，两国元首举行会谈。", FactType.TALKS, CN_US, "2023-11-15")
                .in("talks report");
        Report during = new Report("会谈中，双方就两国关系交换了意见。", FactType.TALKS, CN_US, null).in("talks report");
        Report lastYear = new Report("两国元首去年11月曾会晤。", FactType.MEETING, CN_US, null).in("talks report");

        // Bali, 2022-11-14, is within 400 days; the undated talks are the report's own, the named November is Bali.
        assertThat(events(inBali, talks, during, lastYear)).containsExactlyInAnyOrder(
                event(inBali, lastYear), event(talks), event(during));
    }

    @Test
    void theMonthsAndYearsASentenceNamesWithoutADay() {
        assertThat(EventResolver.Period.of("The two presidents met in person last November."))
                .isEqualTo(new EventResolver.Period(Set.of(), Set.of(11)));
        assertThat(EventResolver.Period.of("They met on 14 November 2022, and again in Sept. 2023."))
                .isEqualTo(new EventResolver.Period(Set.of(2022, 2023), Set.of(9)));
        assertThat(EventResolver.Period.of("去年十一月两国元首在2018年7月以来首次会晤。"))
                .isEqualTo(new EventResolver.Period(Set.of(2018), Set.of(7, 11)));
        assertThat(EventResolver.Period.of("12月9日，两国元首通电话；Nov. 14 and March 3 too.")).isNull();
        assertThat(EventResolver.Period.of("双方此前曾多次会晤。")).isNull();
    }

    @Test
    void anUndatedMentionStaysApartWithoutAReportDayOrAnEncounterWithinAboutAYear() {
        Report twoYearsOn = callOf("a report two years on", "2025-02-10");
        Report metThen = new Report("两国元首上一次面对面会晤是在去年。", FactType.MEETING, CN_US, null)
                .in("a report two years on");
        Report noDay = new Report("双方领导人此前曾在伍德赛德以外多次会晤。", FactType.MEETING, CN_US, null);
        Report undatedTreaty = new Report("两国重申此前签署的联合声明。", FactType.STATEMENT_SIGNED, CN_US, null)
                .in("a report two years on");
        Report statement = new Report("两国发表联合声明。", FactType.STATEMENT_SIGNED, CN_US, "2024-11-20");

        // 2023-11-15 is more than 400 days before 10 February 2025; the second report dates nothing; an undated
        // signed document is not recalled.
        assertThat(events(inBali, inWoodside, twoYearsOn, metThen, noDay, undatedTreaty, statement))
                .containsExactlyInAnyOrder(event(inBali), event(inWoodside), event(twoYearsOn), event(metThen),
                        event(noDay), event(undatedTreaty), event(statement));
    }

    @Test
    void anUndatedReturnVisitRecallsTheLastVisitInItsDirectionAndTwoOnOneDayAreNeither() {
        Report macronInBerlin = new Report("Macron arrived in Berlin on 3 March for a state visit.", FactType.VISIT,
                DE_FR, "2024-03-03").by("FR");
        Report scholzInParis = new Report("Scholz visited Paris on 20 April 2024.", FactType.VISIT, DE_FR, "2024-04-20")
                .by("DE").in("april report");
        Report returned = new Report("朔尔茨此访是对马克龙春季访德的回访。", FactType.VISIT, DE_FR, null).by("FR")
                .in("april report");
        Report earlierScholz = new Report("Scholz was in Paris on 1 April.", FactType.VISIT, DE_FR, "2024-04-01")
                .by("DE");

        // The later visit the other way (Scholz's of 1 April) is passed over.
        assertThat(events(macronInBerlin, earlierScholz, scholzInParis, returned)).containsExactlyInAnyOrder(
                event(macronInBerlin, returned), event(earlierScholz), event(scholzInParis));

        Report germanVisit = new Report("Scholz arrived in Paris on 3 March.", FactType.VISIT, DE_FR, "2024-03-03")
                .by("DE");
        Report frenchVisit = new Report("3月3日，法国外长抵达柏林访问。", FactType.VISIT, DE_FR, "2024-03-03").by("FR");
        Report visitedEarlier = new Report("双方领导人此前已互访。", FactType.VISIT, DE_FR, null).in("april report");
        // Two visits of the last day, one each way: the mention, which gives no direction, could be either.
        assertThat(events(germanVisit, frenchVisit, scholzInParis, visitedEarlier)).containsExactlyInAnyOrder(
                event(germanVisit), event(frenchVisit), event(scholzInParis), event(visitedEarlier));
    }

    @Test
    void aCallOnNewYearsEveReportedTheNextDayAndWithoutYearIsOneEvent() {
        Report local = new Report("12月31日晚，两国元首通电话，互致新年问候。", FactType.PHONE_CALL, DE_FR, "2023-12-31");
        Report nextDay = new Report("The two leaders spoke by phone on January 1, 2024.", FactType.PHONE_CALL, DE_FR,
                "2024-01-01");
        Report noYear = new Report("1月1日，两国领导人通电话。", FactType.PHONE_CALL, DE_FR, "--01-01");

        assertThat(events(local, nextDay, noYear)).containsExactly(event(local, nextDay, noYear));
    }

    @Test
    void aDayWithoutYearOneDayOffAnotherYearsSummitStaysApart() {
        List<String> gulf = List.of("GCC", "SA");
        Report riyadh2019 = new Report("The Gulf leaders opened their summit in Riyadh on Tuesday, 10 December 2019.",
                FactType.SUMMIT, gulf, "2019-12-10").at("Riyadh");
        Report ninthNoYear = new Report("12月9日，峰会在利雅得举行。", FactType.SUMMIT, gulf, "--12-09").at("利雅得");
        Report tenthNoYear = new Report("12月10日，海合会峰会开幕。", FactType.SUMMIT, gulf, "--12-10");

        assertThat(events(riyadh2019, ninthNoYear)).containsExactlyInAnyOrder(event(riyadh2019), event(ninthNoYear));
        assertThat(events(riyadh2019, tenthNoYear)).containsExactly(event(riyadh2019, tenthNoYear));
    }

    @Test
    void theSameReportsInAnyOrderGiveTheSameEventsWithTheSameIds() {
        List<Fact> facts = new ArrayList<>(List.of(talksInAstana.fact(), metInAstana.fact(),
                new Report("2023年7月3日，两国元首举行会谈。", FactType.TALKS, CN_KZ, "2023-07-03").fact(),
                new Report("On July 3 the presidents held talks.", FactType.TALKS, CN_KZ, "--07-03").fact(),
                new Report("习近平7月2日抵达阿斯塔纳。", FactType.VISIT, CN_KZ, "2024-07-02").fact(),
                new Report("两国元首去年7月在阿斯塔纳以外会晤过。", FactType.MEETING, CN_KZ, null).in("later report").fact(),
                new Report("The two presidents spoke by phone on 1 March 2025.", FactType.PHONE_CALL, CN_KZ,
                        "2025-03-01").in("later report").fact()));
        List<EventResolver.Resolved> expected = EventResolver.resolve(facts);
        assertThat(expected).flatExtracting(EventResolver.Resolved::joins).extracting(EventView.Join::agreed)
                .contains(List.of("parties", "type", "last before the report's day 2025-03-01"));
        Random random = new Random(22);
        for (int round = 0; round < 30; round++) {
            Collections.shuffle(facts, random);
            assertThat(EventResolver.resolve(facts)).as("round %d", round).isEqualTo(expected);
        }
    }
}
