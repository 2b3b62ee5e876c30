package io.communique.extract;

import io.communique.model.Fact;
import io.communique.model.FactType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** English patterns: adjectives and names as parties, "held talks", "met", visits, signings, datelines. */
class EnglishReportsTest {

    @Test
    void heldTalksWithADateAfterTheVerbAndALocation() {
        List<Fact> facts = Facts.of(
                "Indian Prime Minister Narendra Modi held talks with Japanese Prime Minister Fumio Kishida in New Delhi on March 20.",
                "2023-03-21");

        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(FactType.TALKS);
            assertThat(f.participants()).containsExactly("IN", "JP");
            assertThat(f.date()).isEqualTo("2023-03-20");
            assertThat(f.location()).isEqualTo("New Delhi");
        });
    }

    @Test
    void stateVisitToACountryNamesTheHostAndTheVisitor() {
        List<Fact> facts = Facts.of("Kenyan President William Ruto arrived on Monday for a three-day state visit to Ghana.", "2023-03-23");

        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(FactType.VISIT);
            assertThat(f.participants()).containsExactly("GH", "KE");
            assertThat(f.initiator()).isEqualTo("KE");
            assertThat(f.date()).isEqualTo("2023-03-20");
        });
    }

    @Test
    void earlierVisitInAnotherYearIsABackgroundEventOfItsOwn() {
        List<Fact> facts = Facts.of("Modi is on a state visit to Israel. Netanyahu visited India in January 2018.", "2023-01-11");

        assertThat(facts).extracting(Fact::type, Fact::participants, Fact::initiator, Fact::date).containsExactly(
                tuple(FactType.VISIT, List.of("IL", "IN"), "IN", null),
                tuple(FactType.VISIT, List.of("IL", "IN"), "IL", null));
    }

    @Test
    void weekdayResolvesToTheLatestSuchDayOnOrBeforeTheReportDate() {
        List<Fact> facts = Facts.of("Chinese President Xi Jinping met Brazilian President Lula on Saturday.", "2023-03-21");

        assertThat(facts).extracting(Fact::type, Fact::participants, Fact::date)
                .containsExactly(tuple(FactType.MEETING, List.of("BR", "CN"), "2023-03-18"));
    }

    @Test
    void datelineGivesTheMonthAndDayWhenTheYearIsUnknown() {
        List<Fact> facts = Facts.of("MOSCOW, November 28. The two presidents signed a joint declaration today.\n"
                + "Kazakh President Kassym-Jomart Tokayev held talks with Russian President Vladimir Putin.", null);

        assertThat(facts).extracting(Fact::type, Fact::date).contains(tuple(FactType.STATEMENT_SIGNED, "--11-28"));
    }

    @Test
    void phoneCallBetweenTwoLeaders() {
        List<Fact> facts = Facts.of("Prime Minister Narendra Modi spoke by phone with Israeli Prime Minister Benjamin Netanyahu on Wednesday.", "2023-01-11");

        assertThat(facts).extracting(Fact::type, Fact::participants, Fact::date)
                .containsExactly(tuple(FactType.PHONE_CALL, List.of("IL", "IN"), "2023-01-11"));
    }
}
