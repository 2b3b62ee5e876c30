package io.communique.projection;

import io.communique.model.CountryView;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.TopicView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FoldTest {
    private static final String DOC = Ids.documentId("test report");

    static Fact fact(FactType type, String initiator, String date, List<String> topics, String... participants) {
        List<String> sorted = List.of(participants).stream().sorted().toList();
        return new Fact(Ids.factId(DOC, type, sorted, date, 0), DOC, "test", type, sorted, initiator, List.of(),
                date, null, null, type == FactType.AGREEMENT_SIGNED ? "合作协议" : null, topics, 0.9,
                new Evidence("s", 0, 1), new ExtractorInfo("rules", "1"));
    }

    private final Fact visit = fact(FactType.VISIT, "CN", "2017-07-03", List.of("trade"), "CN", "RU");
    private final Fact talks = fact(FactType.TALKS, null, "2017-07-04", List.of("trade", "energy"), "CN", "RU");
    private final Fact agreement = fact(FactType.AGREEMENT_SIGNED, null, null, List.of(), "CN", "DE");

    private static CountryView foldAll(String code, Fact... facts) {
        CountryView view = CountryFold.empty(code);
        for (Fact fact : facts) {
            view = CountryFold.fold(view, fact);
        }
        return view;
    }

    @Test
    void countryViewCountsCounterpartsPerTypeAndSplitsVisitsByDirection() {
        CountryView china = foldAll("CN", visit, talks, agreement);
        assertThat(china.factCount()).isEqualTo(3);
        assertThat(china.counterparts()).extracting(c -> c.code() + ":" + c.total()).containsExactly("RU:2", "DE:1");
        assertThat(china.counterparts().get(0).byType()).isEqualTo(Map.of(FactType.VISIT, 1, FactType.TALKS, 1));
        assertThat(china.visitsMade()).extracting(ref -> ref.counterparts()).containsExactly(List.of("RU"));
        assertThat(china.visitsReceived()).isEmpty();
        assertThat(china.agreements()).extracting(ref -> ref.title()).containsExactly("合作协议");

        CountryView russia = foldAll("RU", visit, talks, agreement);
        assertThat(russia.factCount()).isEqualTo(2);
        assertThat(russia.visitsReceived()).extracting(ref -> ref.counterparts()).containsExactly(List.of("CN"));
        assertThat(russia.visitsMade()).isEmpty();
    }

    @Test
    void factsAreListedMostRecentFirstWithUndatedLast() {
        assertThat(foldAll("CN", agreement, visit, talks).facts()).containsExactly(talks, visit, agreement);
    }

    @Test
    void foldingTheSameFactAgainOrInAnotherOrderGivesTheSameBytes() {
        CountryView once = foldAll("CN", visit, talks, agreement);
        CountryView twice = foldAll("CN", agreement, talks, visit, talks, visit, agreement);
        assertThat(Json.write(twice)).isEqualTo(Json.write(once));
        assertThat(CountryFold.fold(once, visit)).isSameAs(once);
    }

    @Test
    void factsOfOtherCountriesLeaveTheViewUnchanged() {
        CountryView germany = foldAll("DE", agreement);
        assertThat(CountryFold.fold(germany, visit)).isSameAs(germany);
    }

    @Test
    void topicViewRanksCountriesOfTheFactsThatMentionIt() {
        TopicView trade = TopicFold.fold(TopicFold.fold(TopicFold.empty("trade"), visit), talks);
        assertThat(trade.factCount()).isEqualTo(2);
        assertThat(trade.countries()).extracting(c -> c.key() + ":" + c.count()).containsExactly("CN:2", "RU:2");
        assertThat(TopicFold.fold(trade, agreement)).isSameAs(trade);
    }

    @Test
    void aStateSaysWhetherAFactChangedItsView() {
        CountryFold.State china = new CountryFold.State("CN", CountryView.RECENT, FactSource.NONE);
        assertThat(china.apply(FoldedFact.of(talks, FactSource.NO_LOCATOR))).isTrue();
        assertThat(china.apply(FoldedFact.of(talks, FactSource.NO_LOCATOR))).isFalse();
        assertThat(china.view()).isEqualTo(foldAll("CN", talks));
    }

    @Test
    void theViewOfASetOfFactsIsTheirFoldInAnyOrder() {
        assertThat(Json.write(CountryFold.view("CN", List.of(agreement, talks, visit), CountryView.RECENT)))
                .isEqualTo(Json.write(foldAll("CN", visit, talks, agreement)));
        assertThat(TopicFold.view("trade", List.of(talks, visit), CountryView.RECENT))
                .isEqualTo(TopicFold.fold(TopicFold.fold(TopicFold.empty("trade"), visit), talks));
    }
}
