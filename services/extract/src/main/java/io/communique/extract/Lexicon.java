package io.communique.extract;

/**
 * The curated resources behind the extractor, loaded once: country, organisation and person names, the script map, the
 * topic taxonomy and the event codes. The display labels of codes and topics are {@link io.communique.model.contracts.Labels},
 * read from the same files.
 */
public final class Lexicon {
    private static final class Holder {
        static final Lexicon INSTANCE = new Lexicon();
    }

    private final ScriptConverter converter = new ScriptConverter();
    private final Gazetteer gazetteer = new Gazetteer(converter, new PersonLexicon());
    private final TopicTagger topicTagger = new TopicTagger();
    private final EventCoder eventCoder = new EventCoder();

    private Lexicon() {
    }

    public static Lexicon get() {
        return Holder.INSTANCE;
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
