package io.communique.extract;

import io.communique.model.Fact;
import io.communique.model.FactType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Visits, talks, meetings and calls in Chinese and English, on sentences written for these tests. */
class BilateralEventsTest {

    @Test
    void stateVisitWithDateRangeHasVisitorAsInitiatorAndHostAsLocation() {
        List<Fact> facts = Facts.of("国家主席习近平于2019年6月5日至7日对俄罗斯进行国事访问。", null);

        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(FactType.VISIT);
            assertThat(f.participants()).containsExactly("CN", "RU");
            assertThat(f.initiator()).isEqualTo("CN");
            assertThat(f.date()).isEqualTo("2019-06-05");
            assertThat(f.endDate()).isEqualTo("2019-06-07");
            assertThat(f.location()).isEqualTo("俄罗斯");
            assertThat(f.persons()).containsExactly("习近平");
        });
    }

    @Test
    void visitToSeveralCountriesIsOneVisitPerHost() {
        List<Fact> facts = Facts.of("7月3日至8日，国家主席习近平对意大利、法国进行国事访问。", null);

        assertThat(facts).extracting(Fact::type, Fact::participants, Fact::initiator, Fact::date, Fact::endDate)
                .containsExactly(
                        tuple(FactType.VISIT, List.of("CN", "IT"), "CN", "--07-03", "--07-08"),
                        tuple(FactType.VISIT, List.of("CN", "FR"), "CN", "--07-03", "--07-08"));
    }

    @Test
    void visitorComingToChinaIsTheInitiator() {
        List<Fact> facts = Facts.of("国务院总理李强在人民大会堂会见来华进行正式访问的新西兰总理。", "2024-06-13");

        assertThat(Facts.ofType(facts, FactType.VISIT)).singleElement()
                .satisfies(f -> assertThat(f.participants()).containsExactly("CN", "NZ"))
                .satisfies(f -> assertThat(f.initiator()).isEqualTo("NZ"));
        assertThat(Facts.ofType(facts, FactType.MEETING)).extracting(Fact::participants).containsExactly(List.of("CN", "NZ"));
    }

    @Test
    void talksBetweenTwoLeadersNamedByPersonAndCountry() {
        List<Fact> facts = Facts.of("国务院总理李强在人民大会堂同来访的德国总理朔尔茨举行会谈。", "2024-04-16");

        assertThat(Facts.ofType(facts, FactType.TALKS)).singleElement().satisfies(f -> {
            assertThat(f.participants()).containsExactly("CN", "DE");
            assertThat(f.persons()).containsExactly("李强", "朔尔茨");
        });
    }

    @Test
    void meetingsWithAListOfCountriesAreOneEventPerCounterpart() {
        List<Fact> facts = Facts.of("习近平主席还分别会见了法国、英国领导人。", null);

        assertThat(facts).extracting(Fact::type, Fact::participants).containsExactly(
                tuple(FactType.MEETING, List.of("CN", "FR")),
                tuple(FactType.MEETING, List.of("CN", "GB")));
    }

    @Test
    void trilateralMeetingOfACompoundIsOneEventWithAllParties() {
        List<Fact> facts = Facts.of("中国外交部长王毅在出席中日韩外长会议后会见了韩国外长。", null);

        assertThat(facts).extracting(Fact::type, Fact::participants).containsExactly(
                tuple(FactType.MEETING, List.of("CN", "JP", "KR")),
                tuple(FactType.MEETING, List.of("CN", "KR")));
    }

    @Test
    void leadersOfThreeCountriesMeetingTogetherAreOneEvent() {
        assertThat(Facts.of("The leaders of China, Russia and India held a trilateral meeting in Osaka.", "2019-06-29"))
                .extracting(Fact::type, Fact::participants, Fact::location)
                .containsExactly(tuple(FactType.MEETING, List.of("CN", "IN", "RU"), "Osaka"));
        assertThat(Facts.of("中俄印领导人在大阪举行非正式会晤。", "2019-06-29"))
                .extracting(Fact::type, Fact::participants).containsExactly(tuple(FactType.MEETING, List.of("CN", "IN", "RU")));
    }

    @Test
    void shortFormsInsideOrdinaryWordsAreNotCountries() {
        assertThat(Facts.of("习近平同普京举行会谈。参加中俄总理定期会晤的副总理也到机场迎接。", "2016-11-07"))
                .noneMatch(f -> f.involves("CA"));
    }

    @Test
    void nameResolvesToTheCountryOfTheOfficeHolderAtTheReportDate() {
        List<Fact> facts = Facts.of("习近平会见了默克尔。", "2018-05-24");

        assertThat(facts).extracting(Fact::participants).containsExactly(List.of("CN", "DE"));
    }

    @Test
    void meetingWithReportersIsNotADiplomaticEvent() {
        assertThat(Facts.of("两国元首共同会见了记者。", null)).isEmpty();
    }

    @Test
    void phoneCallOnRequestMakesTheOtherSideTheInitiator() {
        List<Fact> facts = Facts.of("新华社北京11月9日电 国家主席习近平9日应约同美国总统拜登通电话。", "2022-11-10");

        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(FactType.PHONE_CALL);
            assertThat(f.participants()).containsExactly("CN", "US");
            assertThat(f.initiator()).isEqualTo("US");
            assertThat(f.date()).isEqualTo("2022-11-09");
        });
    }

    @Test
    void carriedSubjectCompletesASentenceThatNamesOnlyTheCounterpart() {
        List<Fact> facts = Facts.of("Indonesian President Joko Widodo arrived in Hanoi. He met Vietnamese Prime Minister Pham Minh Chinh.", "2023-09-10");

        assertThat(Facts.ofType(facts, FactType.MEETING)).extracting(Fact::participants).containsExactly(List.of("ID", "VN"));
    }

    @Test
    void aPersonOfTheSubjectsCountryNamedAfterTheVerbIsNotTheSubject() {
        List<Fact> english = Facts.of("Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida in Delhi. "
                + "External Affairs Minister S Jaishankar also met Fumio Kishida and thanked him for supporting PM Modi's initiative.", "2023-03-20");
        List<Fact> chinese = Facts.of("国家主席习近平会见了越南总理。外交部长王毅也会见了越南总理,转达了习近平的问候。", "2023-06-27");

        assertThat(english).extracting(Fact::type, Fact::persons).containsExactly(
                tuple(FactType.MEETING, List.of("Narendra Modi", "Fumio Kishida")),
                tuple(FactType.MEETING, List.of("S Jaishankar", "Fumio Kishida")));
        assertThat(chinese).extracting(Fact::type, Fact::persons).containsExactly(
                tuple(FactType.MEETING, List.of("习近平")), tuple(FactType.MEETING, List.of("王毅")));
    }
}
