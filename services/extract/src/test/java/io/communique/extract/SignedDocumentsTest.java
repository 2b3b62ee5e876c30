package io.communique.extract;

import io.communique.model.Fact;
import io.communique.model.FactType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Statements and agreements: one event per named document, titles from 《》 or quotes, batches, organisations. */
class SignedDocumentsTest {

    @Test
    void eachNamedDocumentIsItsOwnEventWithItsTitle() {
        List<Fact> facts = Facts.of("两国元首签署《中法关于气候变化的联合声明》,并见证了《中法两国政府经济合作协定》的签署。", null);

        assertThat(facts).extracting(Fact::type, Fact::participants, Fact::title).containsExactly(
                tuple(FactType.STATEMENT_SIGNED, List.of("CN", "FR"), "中法关于气候变化的联合声明"),
                tuple(FactType.AGREEMENT_SIGNED, List.of("CN", "FR"), "中法两国政府经济合作协定"));
    }

    @Test
    void namedDocumentFollowedByOthersAddsAnUnnamedBatch() {
        List<Fact> facts = Facts.of("会谈后,中泰双方签署了《中华人民共和国政府与泰王国政府关于旅游合作的谅解备忘录》等三个谅解备忘录。", null);

        assertThat(facts).filteredOn(f -> f.type() == FactType.AGREEMENT_SIGNED)
                .extracting(Fact::participants, Fact::title).containsExactly(
                        tuple(List.of("CN", "TH"), "中华人民共和国政府与泰王国政府关于旅游合作的谅解备忘录"),
                        tuple(List.of("CN", "TH"), null));
    }

    @Test
    void unnamedBatchOfAgreementsBetweenTheTwoSidesOfTheContext() {
        List<Fact> facts = Facts.of("习近平同越南国家主席举行会谈。两国有关部门签署一大批合作协议。", null);

        assertThat(Facts.ofType(facts, FactType.AGREEMENT_SIGNED)).extracting(Fact::participants, Fact::title)
                .containsExactly(tuple(List.of("CN", "VN"), null));
    }

    @Test
    void declarationAdoptedByASummitBelongsToTheOrganisation() {
        List<Fact> facts = Facts.of("金砖国家领导人第九次会晤在厦门举行。会晤通过了《金砖国家领导人厦门宣言》。", null);

        assertThat(Facts.ofType(facts, FactType.STATEMENT_SIGNED)).extracting(Fact::participants, Fact::title)
                .containsExactly(tuple(List.of("BRICS"), "金砖国家领导人厦门宣言"));
    }

    @Test
    void quotedEnglishTitleWithoutItsFinalFullStop() {
        List<Fact> facts = Facts.of("The Japanese and Sri Lankan prime ministers announced a “Joint Declaration on a New Partnership.”", null);

        assertThat(facts).extracting(Fact::type, Fact::participants, Fact::title).containsExactly(
                tuple(FactType.STATEMENT_SIGNED, List.of("JP", "LK"), "Joint Declaration on a New Partnership"));
    }

    @Test
    void documentStillToBeIssuedIsNotAnEvent() {
        assertThat(Facts.of("两国元首还将发表《中俄关于世界多极化的联合声明》。", null)).isEmpty();
    }

    @Test
    void untitledDocumentsOfDifferentIssuersAreTwoAndOfOneIssuerOne() {
        List<Fact> chinese = Facts.of("中越两国领导人发表联合声明。两国外长另外发表了联合声明,阐述在海上问题上的立场。两国领导人的联合声明强调互信。", "2023-12-14");
        List<Fact> english = Facts.of("The presidents of Chile and Argentina issued a joint statement. "
                + "The foreign ministers of Chile and Argentina also issued a joint statement on fisheries.", "2024-03-02");

        assertThat(Facts.ofType(chinese, FactType.STATEMENT_SIGNED)).hasSize(2).allSatisfy(f -> assertThat(f.participants()).containsExactly("CN", "VN"));
        assertThat(Facts.ofType(english, FactType.STATEMENT_SIGNED)).hasSize(2).allSatisfy(f -> assertThat(f.participants()).containsExactly("AR", "CL"));
    }
}
