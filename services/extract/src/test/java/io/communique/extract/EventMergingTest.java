package io.communique.extract;

import io.communique.model.Fact;
import io.communique.model.FactType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static io.communique.model.FactType.AGREEMENT_SIGNED;
import static io.communique.model.FactType.MEETING;
import static io.communique.model.FactType.PHONE_CALL;
import static io.communique.model.FactType.STATEMENT_SIGNED;
import static io.communique.model.FactType.SUMMIT;
import static io.communique.model.FactType.TALKS;
import static io.communique.model.FactType.VISIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-report merging measured: reports written for this test, Chinese and English, several per real-world event
 * and look-alike events of the same parties (a month apart, the same day by phone, the ministers' meeting beside the
 * leaders' talks), run through the real extractor. Every pair of reports is either the same event or not; the
 * merging is right on a pair when the facts share their event id exactly then. Hard cases that the event key misses
 * on purpose (see docs/extraction.md, Cross-report deduplication) are in the set, so the figures are what to expect,
 * not 100 %.
 */
class EventMergingTest {
    /** A report of {@code event} (a label for this test); its fact is the one of {@code type} between the parties. */
    private record Report(String event, String published, FactType type, String parties, String text) {
    }

    private static final List<Report> REPORTS = List.of(
            // Leaders' talks in Xi'an, reported in Chinese and English, once as "met" and once without year.
            new Report("cn-kz talks 2023-05-18", "2023-05-18", TALKS, "CN KZ",
                    "新华社西安5月18日电 5月18日上午，国家主席习近平在西安同哈萨克斯坦总统托卡耶夫举行会谈。两国元首一致同意深化共建“一带一路”合作。"),
            new Report("cn-kz talks 2023-05-18", "2023-05-18", TALKS, "CN KZ",
                    "XI'AN, May 18 (Xinhua) -- Chinese President Xi Jinping held talks with Kazakh President Kassym-Jomart Tokayev in Xi'an on Thursday."),
            new Report("cn-kz talks 2023-05-18", "2023-05-19", MEETING, "CN KZ",
                    "Chinese President Xi Jinping met Kazakh President Kassym-Jomart Tokayev in Xi'an on Thursday, a day before the summit opened."),
            new Report("cn-kz talks 2023-05-18", null, TALKS, "CN KZ",
                    "5月18日，国家主席习近平在西安同哈萨克斯坦总统托卡耶夫举行会谈。"),
            // The foreign ministers met the same day: another event, which the key cannot tell apart.
            new Report("cn-kz ministers 2023-05-18", "2023-05-18", MEETING, "CN KZ",
                    "5月18日，国务委员兼外长王毅在西安会见哈萨克斯坦外长努尔特列乌。"),
            // Signed the same day: an agreement (its English report gives no title it could be matched by) and a statement.
            new Report("cn-kz agreement 2023-05-18", "2023-05-18", AGREEMENT_SIGNED, "CN KZ",
                    "5月18日，在两国元首见证下，双方签署了《中哈经贸合作协定》。"),
            new Report("cn-kz agreement 2023-05-18", "2023-05-19", AGREEMENT_SIGNED, "CN KZ",
                    "中哈双方5月18日在西安签署“中哈经贸合作协定”。"),
            new Report("cn-kz agreement 2023-05-18", "2023-05-19", AGREEMENT_SIGNED, "CN KZ",
                    "On May 18, China and Kazakhstan signed the China-Kazakhstan Economic and Trade Cooperation Agreement in Xi'an."),
            new Report("cn-kz statement 2023-05-18", "2023-05-18", STATEMENT_SIGNED, "CN KZ",
                    "5月18日，中哈两国元首签署并发表《中华人民共和国和哈萨克斯坦共和国联合声明》。"),
            new Report("cn-kz statement 2023-05-18", "2023-05-19", STATEMENT_SIGNED, "CN KZ",
                    "中哈两国元首5月18日在西安签署《中华人民共和国和哈萨克斯坦共和国联合声明》。"),
            // The same leaders a month later: a meeting and, the same day, a phone call.
            new Report("cn-kz meeting 2023-06-20", "2023-06-20", MEETING, "CN KZ",
                    "新华社北京6月20日电 6月20日，国家主席习近平在北京人民大会堂会见哈萨克斯坦总统托卡耶夫。"),
            new Report("cn-kz meeting 2023-06-20", "2023-06-20", TALKS, "CN KZ",
                    "6月20日，国家主席习近平在人民大会堂同哈萨克斯坦总统托卡耶夫举行会谈。"),
            new Report("cn-kz meeting 2023-06-20", "2023-06-21", MEETING, "CN KZ",
                    "BEIJING, June 20 -- Chinese President Xi Jinping met Kazakh President Kassym-Jomart Tokayev at the Great Hall of the People on Tuesday."),
            new Report("cn-kz call 2023-06-20", "2023-06-20", PHONE_CALL, "CN KZ",
                    "6月20日，国家主席习近平同哈萨克斯坦总统托卡耶夫通电话。"),
            new Report("cn-kz call 2023-06-20", "2023-06-21", PHONE_CALL, "CN KZ",
                    "Chinese President Xi Jinping spoke with Kazakh President Kassym-Jomart Tokayev by phone on Tuesday."),
            // A state visit reported on arrival, with its range, and once dated by a later day of it.
            new Report("cn-kz visit 2024-07-02", "2024-07-02", VISIT, "CN KZ",
                    "新华社阿斯塔纳7月2日电 国家主席习近平于7月2日抵达阿斯塔纳，开始对哈萨克斯坦进行国事访问。"),
            new Report("cn-kz visit 2024-07-02", "2024-07-06", VISIT, "CN KZ",
                    "应哈萨克斯坦总统托卡耶夫邀请，国家主席习近平于7月2日至5日对哈萨克斯坦进行国事访问。"),
            new Report("cn-kz visit 2024-07-02", "2024-07-03", VISIT, "CN KZ",
                    "ASTANA, July 3 -- Chinese President Xi Jinping arrived in Astana on Tuesday for a state visit to Kazakhstan."),
            new Report("cn-kz visit 2024-07-02", "2024-07-04", VISIT, "CN KZ", Texts.ASTANA_TALKS_DURING_VISIT),
            new Report("cn-kz talks 2024-07-03", "2024-07-04", TALKS, "CN KZ", Texts.ASTANA_TALKS_DURING_VISIT),
            new Report("cn-kz talks 2024-07-03", "2024-07-03", TALKS, "CN KZ",
                    "7月3日，国家主席习近平在阿斯塔纳同哈萨克斯坦总统托卡耶夫举行会谈。"),
            new Report("cn-kz talks 2024-07-03", "2024-07-04", TALKS, "CN KZ",
                    "正在哈萨克斯坦进行国事访问的国家主席习近平3日在阿斯塔纳同托卡耶夫总统举行会谈。"),
            new Report("cn-sco summit 2024-07-04", "2024-07-04", SUMMIT, "CN SCO",
                    "7月4日，正在哈萨克斯坦进行国事访问的国家主席习近平在阿斯塔纳出席上海合作组织成员国元首理事会第二十四次会议。"),
            new Report("cn-sco summit 2024-07-04", "2024-07-04", SUMMIT, "CN SCO",
                    "7月4日，上海合作组织成员国元首理事会第二十四次会议在阿斯塔纳举行，国家主席习近平出席会议。"),
            // Talks in Paris and, a month later, a meeting in Berlin.
            new Report("de-fr talks 2024-03-15", "2024-03-16", TALKS, "DE FR",
                    "PARIS, March 15 -- French President Emmanuel Macron held talks with German Chancellor Olaf Scholz in Paris on Friday."),
            new Report("de-fr talks 2024-03-15", "2024-03-16", MEETING, "DE FR",
                    "German Chancellor Olaf Scholz and French President Emmanuel Macron met in Paris on Friday to discuss support for Ukraine."),
            new Report("de-fr meeting 2024-04-15", "2024-04-16", MEETING, "DE FR",
                    "German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on April 15."),
            new Report("cn-us talks 2023-11-15", "2023-11-16", TALKS, "CN US",
                    "WOODSIDE, California, Nov. 15 -- U.S. President Joe Biden held talks with Chinese President Xi Jinping on Wednesday."),
            new Report("cn-us talks 2023-11-15", "2023-11-16", MEETING, "CN US",
                    "11月15日，国家主席习近平在美国旧金山斐洛里庄园同美国总统拜登举行中美元首会晤。"),
            new Report("cn-us talks 2023-11-15", "2023-11-16", MEETING, "CN US",
                    "美国总统拜登11月15日在旧金山会见中国国家主席习近平。"),
            new Report("cn-us call 2024-04-02", "2024-04-03", PHONE_CALL, "CN US",
                    "4月2日，国家主席习近平应约同美国总统拜登通电话。"),
            new Report("cn-us call 2024-04-02", "2024-04-03", PHONE_CALL, "CN US",
                    "U.S. President Joe Biden spoke by phone with Chinese President Xi Jinping on Tuesday."),
            // A visit and the talks during it, the same day.
            new Report("in-jp talks 2023-03-20", "2023-03-21", TALKS, "IN JP",
                    "NEW DELHI, March 20 -- Indian Prime Minister Narendra Modi held talks with Japanese Prime Minister Fumio Kishida in New Delhi on Monday."),
            new Report("in-jp talks 2023-03-20", "2023-03-20", TALKS, "IN JP",
                    "印度总理莫迪20日在新德里同到访的日本首相岸田文雄举行会谈。"),
            new Report("in-jp visit 2023-03-20", "2023-03-21", VISIT, "IN JP",
                    "Japanese Prime Minister Fumio Kishida arrived in New Delhi on Monday for a two-day visit to India."),
            new Report("in-jp visit 2023-03-20", "2023-03-22", VISIT, "IN JP",
                    "日本首相岸田文雄3月20日至21日访问印度。"),
            // The same leaders' talks a year apart, and a call a month later.
            new Report("cn-ru talks 2019-06-05", "2019-06-06", TALKS, "CN RU",
                    "6月5日，国家主席习近平在莫斯科克里姆林宫同俄罗斯总统普京举行会谈。"),
            new Report("cn-ru talks 2019-06-05", "2019-06-06", TALKS, "CN RU",
                    "MOSCOW, June 5 -- Russian President Vladimir Putin and Chinese President Xi Jinping held talks in the Kremlin on Wednesday."),
            new Report("cn-ru talks 2019-06-05", "2019-06-06", TALKS, "CN RU",
                    "6月5日，俄罗斯总统普京在莫斯科同中国国家主席习近平举行会谈。"),
            new Report("cn-ru talks 2018-06-08", "2018-06-09", TALKS, "CN RU",
                    "BEIJING, June 8 -- Chinese President Xi Jinping held talks with Russian President Vladimir Putin in Beijing on Friday."),
            new Report("cn-ru call 2019-07-05", "2019-07-06", PHONE_CALL, "CN RU",
                    "7月5日，国家主席习近平同俄罗斯总统普京通电话。"),
            new Report("ar-br meeting 2024-09-10", "2024-09-11", MEETING, "AR BR",
                    "BRASILIA, Sept 10 -- Brazilian President Luiz Inacio Lula da Silva met Argentine President Javier Milei on Tuesday."),
            new Report("ar-br meeting 2024-09-10", "2024-09-11", MEETING, "AR BR",
                    "巴西总统卢拉10日在巴西利亚会见阿根廷总统米莱。"));

    /** A report used twice: the visit's fact and the talks' fact of one document. */
    private static final class Texts {
        static final String ASTANA_TALKS_DURING_VISIT = "ASTANA, July 3 -- Chinese President Xi Jinping, who is on a state "
                + "visit to Kazakhstan, held talks with Kazakh President Kassym-Jomart Tokayev in Astana on Wednesday.";
    }

    /** Pairs of reports by whether they are the same event and whether their facts share the event id. */
    private record Counts(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
        double precision() {
            return truePositives / (double) (truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) (truePositives + falseNegatives);
        }
    }

    /** The report's fact, or null when the extractor does not find it (its pairs can then not be merged). */
    private static Fact factOf(Report report) {
        List<String> parties = List.of(report.parties().split(" "));
        return Facts.of(report.text(), report.published()).stream()
                .filter(fact -> fact.type() == report.type() && fact.participants().equals(parties))
                .findFirst().orElse(null);
    }

    @Test
    void mergingOfReportPairsIsPreciseAndFindsMostReportsOfTheSameEvent() {
        List<Fact> facts = REPORTS.stream().map(EventMergingTest::factOf).toList();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < REPORTS.size(); i++) {
            for (int j = i + 1; j < REPORTS.size(); j++) {
                boolean same = REPORTS.get(i).event().equals(REPORTS.get(j).event());
                boolean merged = facts.get(i) != null && facts.get(j) != null
                        && Objects.equals(facts.get(i).eventId(), facts.get(j).eventId());
                if (same && merged) {
                    tp++;
                } else if (merged) {
                    fp++;
                } else if (same) {
                    fn++;
                } else {
                    tn++;
                }
                if (same != merged) {
                    wrong.add((same ? "  not merged: " : "  merged:     ") + describe(REPORTS.get(i), facts.get(i))
                            + "  ~  " + describe(REPORTS.get(j), facts.get(j)));
                }
            }
        }
        Counts counts = new Counts(tp, fp, fn, tn);
        long events = REPORTS.stream().map(Report::event).distinct().count();
        System.out.printf(Locale.ROOT, "Event merging: %d reports of %d events, %d pairs (%d same event): "
                        + "precision %.2f (%d/%d), recall %.2f (%d/%d)%n", REPORTS.size(), events,
                tp + fp + fn + tn, tp + fn, counts.precision(), tp, tp + fp, counts.recall(), tp, tp + fn);
        wrong.forEach(System.out::println);

        assertThat(counts.precision()).as("precision").isGreaterThanOrEqualTo(0.85);
        assertThat(counts.recall()).as("recall").isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void lookAlikesThatMustStayApartDoAndTheTypicalDuplicatesMerge() {
        assertThat(eventOf(0)).as("Chinese and English reports of the same talks").isEqualTo(eventOf(1)).isEqualTo(eventOf(2));
        assertThat(eventOf(0)).as("the same leaders a month later").isNotEqualTo(eventOf(10));
        assertThat(eventOf(10)).as("meeting and phone call the same day").isNotEqualTo(eventOf(13));
        assertThat(eventOf(15)).as("a visit on arrival and with its range").isEqualTo(eventOf(16)).isEqualTo(eventOf(17));
        assertThat(eventOf(36)).as("the same leaders' talks a year apart").isNotEqualTo(eventOf(39));
    }

    private static String eventOf(int report) {
        Fact fact = factOf(REPORTS.get(report));
        assertThat(fact).as("fact of report %d", report).isNotNull();
        return fact.eventId();
    }

    private static String describe(Report report, Fact fact) {
        String text = report.text().length() > 40 ? report.text().substring(0, 40) + "…" : report.text();
        return "[" + report.event() + "] " + (fact == null ? "(not extracted) " : fact.date() + " ") + text;
    }
}
