package io.communique.extract;

import io.communique.model.EventCodes;
import io.communique.model.Fact;
import io.communique.model.FactType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** CAMEO and PLOVER codes by fact type and context, coded from the initiator's side (event-codes.tsv). */
class EventCodesTest {
    private static final EventCodes VISIT = new EventCodes("042", "CONSULT", "visit");
    private static final EventCodes PHONE = new EventCodes("041", "CONSULT", "phone");
    private static final EventCodes NEGOTIATION = new EventCodes("046", "CONSULT", null);
    private static final EventCodes CONSULT = new EventCodes("040", "CONSULT", null);
    private static final EventCodes THIRD_PLACE = new EventCodes("044", "CONSULT", "third-party");
    private static final EventCodes HOST = new EventCodes("043", "CONSULT", "host");
    private static final EventCodes SIGN = new EventCodes("057", "SUPPORT", null);

    @Test
    void aVisitIsMakingAVisitFromTheVisitorsSide() {
        List<Fact> facts = Facts.of("巴西总统卢拉4月13日抵达上海,开始对中国进行国事访问。", "2023-04-14");

        assertThat(facts).extracting(Fact::type, Fact::initiator, Fact::codes).containsExactly(tuple(FactType.VISIT, "BR", VISIT));
    }

    @Test
    void callsAreDiscussingByTelephone() {
        assertThat(Facts.of("Prime Minister Narendra Modi spoke by phone with Japanese Prime Minister Fumio Kishida on Tuesday.", "2023-03-02"))
                .extracting(Fact::type, Fact::codes).containsExactly(tuple(FactType.PHONE_CALL, PHONE));
        assertThat(Facts.of("国家主席习近平应约同法国总统马克龙通电话。", "2023-03-02"))
                .extracting(Fact::type, Fact::codes).containsExactly(tuple(FactType.PHONE_CALL, PHONE));
    }

    @Test
    void talksAreNegotiationAndAMeetingAtHomeIsConsulting() {
        assertThat(Facts.of("国家主席习近平在人民大会堂同澳大利亚总理阿尔巴尼斯举行会谈。", "2023-11-07"))
                .extracting(Fact::type, Fact::codes).containsExactly(tuple(FactType.TALKS, NEGOTIATION));
        assertThat(Facts.of("Indian Prime Minister Narendra Modi met the President of Ghana in New Delhi.", "2024-02-02"))
                .extracting(Fact::type, Fact::codes).containsExactly(tuple(FactType.MEETING, CONSULT));
    }

    @Test
    void aMeetingInTheCountryOfNeitherPartyIsAtAThirdLocation() {
        assertThat(Facts.of("国家主席习近平在汉堡会见法国总统马克龙。", "2017-07-08"))
                .extracting(Fact::type, Fact::location, Fact::codes).containsExactly(tuple(FactType.MEETING, "汉堡", THIRD_PLACE));
    }

    @Test
    void theChairOfASummitHostsItAndTheOtherAttendeesMeetAtAThirdLocation() {
        List<Fact> facts = Facts.of("东盟轮值主席国泰国总理巴育主持会议,越南总理、柬埔寨首相出席。", "2019-06-23");

        assertThat(facts).extracting(Fact::participants, Fact::codes).containsExactly(
                tuple(List.of("ASEAN", "TH"), HOST),
                tuple(List.of("ASEAN", "VN"), THIRD_PLACE),
                tuple(List.of("ASEAN", "KH"), THIRD_PLACE));
    }

    @Test
    void signingAnyDocumentIsSigningAFormalAgreement() {
        List<Fact> facts = Facts.of("The two sides signed a Memorandum of Understanding on tourism and issued a joint statement, "
                + "Chile and Vietnam said.", "2024-05-02");

        assertThat(facts).extracting(Fact::type, Fact::codes).containsExactlyInAnyOrder(
                tuple(FactType.AGREEMENT_SIGNED, SIGN), tuple(FactType.STATEMENT_SIGNED, SIGN));
    }

    @Test
    void everyTypeHasCodes() {
        EventCoder coder = new EventCoder();
        for (FactType type : FactType.values()) {
            for (EventCoder.Context context : EventCoder.Context.values()) {
                assertThat(coder.code(type, context)).as("%s %s", type, context).isNotNull();
            }
        }
    }
}
