package io.communique.extract;

import java.util.List;
import java.util.Locale;

/**
 * The curated resources behind the extractor, loaded once: country, organisation and person names, the script map, the
 * topic taxonomy and the event codes. The web UI uses it for labels, so labels and extraction never disagree.
 */
public final class Lexicon {
    /** A topic of the taxonomy with its labels. */
    public record TopicLabel(String id, String zh, String en) {
    }

    private static final class Holder {
        static final Lexicon INSTANCE = new Lexicon();
    }

    private final ScriptConverter converter = new ScriptConverter();
    private final Gazetteer gazetteer = new Gazetteer(converter, new PersonLexicon());
    private final TopicTagger topicTagger = new TopicTagger();
    private final EventCoder eventCoder = new EventCoder();
    private final List<TopicLabel> topics = topicTagger.topics().stream()
            .map(t -> new TopicLabel(t.id(), t.zh(), t.en())).toList();

    private Lexicon() {
    }

    public static Lexicon get() {
        return Holder.INSTANCE;
    }

    /** The name of a country (ISO 3166-1 alpha-2) or organisation code (G20, BRICS…) in "zh" or "en"; null when unknown. */
    public String countryName(String code, String lang) {
        if (code == null || lang == null) {
            return null;
        }
        String language = lang.toLowerCase(Locale.ROOT);
        return language.startsWith("zh") ? gazetteer.displayName(code, "zh")
                : language.startsWith("en") ? gazetteer.displayName(code, "en") : null;
    }

    /** The topic taxonomy, in a stable order. */
    public List<TopicLabel> topics() {
        return topics;
    }

    ScriptConverter converter() {
        return converter;
    }

    Gazetteer gazetteer() {
        return gazetteer;
    }

    TopicTagger topicTagger() {
        return topicTagger;
    }

    EventCoder eventCoder() {
        return eventCoder;
    }
}
