package io.communique.bench;

import io.communique.model.contracts.Labels;
import io.communique.model.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The bench's own workload: synthetic diplomatic reports written from templates and the extractor's lexicons
 * (country and topic names), so no third-party text is needed. Mostly Chinese, one report in eight English, each
 * with a few event sentences and some prose without events, as in real reports. Deterministic for a seed, and every
 * report is unique (it carries a serial number), so every posted report yields new fact ids.
 */
final class Reports {
    /** China takes part in most facts, as in the corpus; it is not a counterpart of itself. */
    private static final Set<String> NOT_COUNTERPARTS = Set.of("CN", "HK", "MO", "TW");
    private static final String[] ZH_EVENTS = {
            "%1$s，国家主席习近平在北京人民大会堂同来访的%2$s总统举行会谈，双方就%3$s等问题深入交换意见。",
            "%1$s，国务院总理李强在北京会见%2$s外交部长，双方同意加强在%3$s领域的交流。",
            "%1$s，国家主席习近平应邀对%2$s进行国事访问。",
            "%1$s，国家主席习近平同%2$s总统通电话，就%3$s交换看法。",
            "%1$s，中国和%2$s在北京签署联合声明，双方同意深化在%3$s领域的交流。",
    };
    private static final String[] ZH_PROSE = {
            "双方认为，两国关系保持良好发展势头，各领域交流合作不断深化。",
            "双方一致同意继续在国际和地区事务中加强沟通协调，共同维护多边主义。",
            "会谈在友好坦诚的气氛中进行，双方对会谈成果表示满意。",
            "两国建交以来，双边关系经受住了国际风云变幻的考验。",
    };
    private static final String[] EN_EVENTS = {
            "On %1$s, President Xi Jinping held talks with the President of %2$s in Beijing. The two sides agreed to deepen cooperation on %3$s.",
            "On %1$s, Premier Li Qiang met the Foreign Minister of %2$s in Beijing to discuss %3$s.",
            "On %1$s, President Xi Jinping had a phone call with the President of %2$s on %3$s.",
    };
    private static final String EN_PROSE = "Both sides said relations had kept a sound momentum of development. ";

    private final Labels lexicon = Labels.get();
    private final List<String> countries = new ArrayList<>();
    private final Random random;
    private long serial;

    Reports(long seed) {
        for (String code : Locale.getISOCountries()) {
            if (!NOT_COUNTERPARTS.contains(code) && lexicon.countryName(code, "zh") != null
                    && lexicon.countryName(code, "en") != null) {
                countries.add(code);
            }
        }
        random = new Random(seed);
    }

    /** The next report, as the API would receive it. */
    Document next() {
        serial++;
        LocalDate published = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650));
        boolean english = random.nextInt(8) == 0;
        String text = english ? english(published) : chinese(published);
        return Document.of(text, "bench", null, english ? "en" : "zh", published.toString(), null);
    }

    private String chinese(LocalDate published) {
        StringBuilder text = new StringBuilder("新华社北京电（第").append(serial).append("号）");
        int events = 1 + random.nextInt(3);
        for (int i = 0; i < events; i++) {
            LocalDate day = published.minusDays(random.nextInt(5));
            String date = day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
            text.append(String.format(ZH_EVENTS[random.nextInt(ZH_EVENTS.length)], date, country("zh"), topic("zh")));
            for (int prose = random.nextInt(4); prose > 0; prose--) {
                text.append(ZH_PROSE[random.nextInt(ZH_PROSE.length)]);
            }
        }
        return text.append(ZH_PROSE[random.nextInt(ZH_PROSE.length)]).toString();
    }

    private String english(LocalDate published) {
        StringBuilder text = new StringBuilder("Beijing (report ").append(serial).append("). ");
        String date = published.getDayOfMonth() + " " + published.getMonth().getDisplayName(java.time.format.TextStyle.FULL,
                Locale.ENGLISH) + " " + published.getYear();
        text.append(String.format(EN_EVENTS[random.nextInt(EN_EVENTS.length)], date, country("en"), topic("en")));
        return text.append(' ').append(EN_PROSE).toString();
    }

    private String country(String language) {
        return lexicon.countryName(countries.get(random.nextInt(countries.size())), language);
    }

    private String topic(String language) {
        List<Labels.TopicLabel> topics = lexicon.topics();
        Labels.TopicLabel topic = topics.get(random.nextInt(topics.size()));
        return language.equals("zh") ? topic.zh() : topic.en();
    }
}
