package io.communique.extract;

import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Json;
import io.communique.model.SchemaValidator;
import io.communique.model.Topics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** provenance: which rule gave the date, the reasons that add up to the confidence, the cue of every topic. */
class ProvenanceTest {

    @Test
    void dateRulesNameTheExpressionAndWhereItsYearCameFrom() {
        assertThat(dateRule("2024年5月6日,国家主席习近平同法国总统马克龙举行会谈。", null)).isEqualTo("absolute");
        assertThat(dateRule("5月6日,国家主席习近平同法国总统马克龙举行会谈。", "2024-05-07")).isEqualTo("absolute, year from published date");
        assertThat(dateRule("5月6日,国家主席习近平同法国总统马克龙举行会谈。", null)).isEqualTo("absolute without year");
        assertThat(dateRule("President Lula visited Portugal from April 22 to 25, 2023.", null)).isEqualTo("range");
        assertThat(dateRule("习近平昨天同来访的法国总统马克龙举行会谈。", "2024-05-07")).isEqualTo("relative:昨天 to published date");
        assertThat(dateRule("The Brazilian president met the Prime Minister of Portugal on Saturday.", "2023-04-24"))
                .isEqualTo("relative:on Saturday to published date");
    }

    @Test
    void relativeDatesSayWhatTheyCountFrom() {
        List<Fact> facts = Facts.of("新华社北京5月7日电 国家主席习近平昨天会见了法国总统马克龙。次日,两国元首举行会谈。", "2024-05-08");

        assertThat(facts).extracting(Fact::type, Fact::date, f -> f.provenance().dateRule()).containsExactly(
                tuple(FactType.MEETING, "2024-05-06", "relative:昨天 to dateline"),
                tuple(FactType.TALKS, "2024-05-07", "relative:次日 to previous date"));
    }

    @Test
    void withoutDatelineOrPublishedDateADayOnlyTakesTheMonthOfThePreviousDate() {
        List<Fact> facts = Facts.of("2019年6月5日至7日,国家主席习近平对哈萨克斯坦进行国事访问。6日,两国元首签署了《联合声明》。", null);

        assertThat(Facts.ofType(facts, FactType.STATEMENT_SIGNED)).extracting(Fact::date, f -> f.provenance().dateRule())
                .containsExactly(tuple("2019-06-06", "day of the previous date's month"));
    }

    @Test
    void aDayOnlyBeforeThePreviousDateIsNotGuessed() {
        List<Fact> facts = Facts.of("2019年6月28日至30日,国家主席习近平对哈萨克斯坦进行国事访问。2日,两国元首签署了《联合声明》。", null);

        assertThat(Facts.ofType(facts, FactType.STATEMENT_SIGNED)).extracting(f -> f.provenance().dateRule())
                .singleElement().asString().startsWith("report: ");
    }

    @Test
    void aDateCarriedFromEarlierSaysWhere() {
        List<Fact> facts = Facts.of("习近平同马克龙举行会谈\n新华社巴黎5月6日电 国家主席习近平抵达巴黎,开始对法国进行国事访问。\n两国元首签署了《联合声明》。",
                "2024-05-06");

        assertThat(facts).extracting(Fact::type, f -> f.provenance().dateRule()).containsExactly(
                tuple(FactType.TALKS, "dateline"),
                tuple(FactType.VISIT, "absolute, year from published date"),
                tuple(FactType.STATEMENT_SIGNED, "report: absolute, year from published date"));
    }

    @Test
    void theConfidenceIsTheSumOfItsReasons() {
        List<Fact> facts = new java.util.ArrayList<>();
        facts.addAll(Facts.of("国家主席习近平同德国总理默克尔举行会谈。会谈后,两国元首共同见证了《中德合作协议》的签署。随后,他会见了德国总统。", "2017-07-05"));
        facts.addAll(Facts.of("国家主席习近平同俄罗斯总统普京、蒙古国总统举行中俄蒙三国元首会晤。", "2016-06-24"));
        facts.addAll(Facts.of("Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida in Hiroshima. "
                + "The two leaders held talks. Modi later attended the G7 summit.", "2023-05-21"));

        assertThat(facts).isNotEmpty().allSatisfy(f -> {
            double sum = f.provenance().confidenceReasons().stream().mapToDouble(r -> Double.parseDouble(r.substring(0, r.indexOf(' ')))).sum();
            assertThat(f.confidence()).as("%s", f.provenance().confidenceReasons()).isEqualTo(Math.round(Math.min(1, sum) * 100) / 100.0);
        });
    }

    @Test
    void reasonsSayHowEachPartyWasRecognised() {
        Fact meeting = Facts.of("习近平会见默克尔。", "2017-07-05").get(0);
        assertThat(meeting.provenance().confidenceReasons()).containsExactly(
                "+0.50 explicit verb 会见",
                "+0.10 subject CN resolved from person 习近平 by term of office",
                "+0.30 counterpart DE resolved from person 默克尔 by term of office");

        Fact carried = Facts.ofType(Facts.of("国家主席习近平5日抵达莫斯科。随后,他会见了俄罗斯总理。", "2024-05-06"), FactType.MEETING).get(0);
        assertThat(carried.provenance().confidenceReasons()).contains("+0.05 subject CN carried over from an earlier sentence");

        Fact english = Facts.of("Lula met Macron in Paris.", "2023-06-23").get(0);
        assertThat(english.provenance().confidenceReasons()).contains(
                "+0.50 explicit verb met", "+0.30 counterpart FR resolved from person Macron by term of office");
    }

    @Test
    void aCounterpartFromContextWeighsLessThanANamedOne() {
        List<Fact> facts = Facts.of("法国总统马克龙对中国进行国事访问。习近平同他举行了会谈。", "2023-04-06");
        Fact talks = Facts.ofType(facts, FactType.TALKS).get(0);

        assertThat(talks.provenance().confidenceReasons()).contains("+0.00 counterpart FR completed from context");
        assertThat(talks.confidence()).isLessThan(Facts.ofType(facts, FactType.VISIT).get(0).confidence());
    }

    @Test
    void furtherMentionsCorroborateTheEvent() {
        Fact talks = Facts.of("国家主席习近平同法国总统马克龙举行会谈。会谈中,习近平同马克龙就双边关系交换意见。两国元首举行会谈时指出…", "2024-05-06").get(0);

        assertThat(talks.provenance().confidenceReasons()).last().asString().startsWith("+0.05 also stated in sentence");
    }

    @Test
    void topicCuesAreTheWordsAsWrittenInTheSentence() {
        Fact simplified = Facts.of("习近平同文在寅举行会谈,双方就朝鲜半岛局势和气候变化交换意见。", "2017-07-06").get(0);
        Fact traditional = Facts.of("習近平同文在寅舉行會談,雙方就朝鮮半島局勢交換意見。", "2017-07-06").get(0);
        Fact english = Facts.of("Modi and Kishida held talks on trade and climate change.", "2023-05-21").get(0);

        assertThat(simplified.provenance().topicCues()).containsEntry("korean-peninsula", "朝鲜半岛").containsEntry("climate", "气候变化");
        assertThat(traditional.provenance().topicCues()).containsEntry("korean-peninsula", "朝鮮半島");
        assertThat(english.provenance().topicCues()).containsEntry("trade", "trade").containsEntry("climate", "climate");
        for (Fact f : List.of(simplified, traditional, english)) {
            assertThat(f.topics()).containsExactlyElementsOf(f.provenance().topicCues().keySet());
        }
        Map<String, String> cues = simplified.provenance().topicCues();
        cues.values().forEach(cue -> assertThat(simplified.evidence().text()).contains(cue));
    }

    @Test
    void factsWithCodesPartOfAndProvenanceMatchTheFactSchema() {
        SchemaValidator validator = new SchemaValidator();
        List<Fact> facts = new java.util.ArrayList<>();
        facts.addAll(Facts.of("3月20日至22日,国家主席习近平对俄罗斯进行国事访问。访问期间,两国元首签署了《联合声明》。", "2023-03-23"));
        facts.addAll(Facts.of("Modi attended the G20 summit in Rome. On the sidelines of the G20 summit, Modi met Spanish Prime Minister Pedro Sanchez.",
                "2021-10-31"));

        assertThat(facts).hasSizeGreaterThanOrEqualTo(4).allSatisfy(f -> {
            assertThat(f.codes()).isNotNull();
            assertThat(validator.problems(Topics.FACTS, Json.bytes(f))).as(Json.write(f)).isEmpty();
        });
        assertThat(facts).anySatisfy(f -> assertThat(f.partOf()).isNotNull());
    }

    private static String dateRule(String text, String published) {
        List<Fact> facts = Facts.of(text, published);
        assertThat(facts).as(text).isNotEmpty();
        return facts.get(0).provenance().dateRule();
    }
}
