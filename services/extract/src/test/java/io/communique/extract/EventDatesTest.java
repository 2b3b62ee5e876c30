package io.communique.extract;

import io.communique.model.Fact;
import io.communique.model.FactType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Where a fact's date is decided ({@link EventDates}): what dates no event, and which year makes an event background. */
class EventDatesTest {

    @Test
    void theYearAnAnniversaryCountsFromMakesNoEventBackground() {
        assertThat(Facts.ofType(Facts.of("2025年5月21日，国家主席习近平在北京同巴基斯坦总统扎尔达里举行会谈。\n"
                + "双方签署了联合声明，庆祝两国建交74周年，两国于1951年建交。", "2025-05-22"), FactType.STATEMENT_SIGNED))
                .extracting(Fact::date, f -> f.provenance().dateRule())
                .containsExactly(tuple("2025-05-21", "report: absolute"));
    }
}
