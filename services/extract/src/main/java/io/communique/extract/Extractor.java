package io.communique.extract;

import io.communique.extract.SentenceSplitter.Sentence;
import io.communique.model.Document;
import io.communique.model.EventIds;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.Ids;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports in, fact events out: pure, deterministic and thread-safe (all state is per call; the lexicons are loaded
 * once and only read). Pipeline: script conversion (offset-preserving) → sentences → mentions and dates →
 * event rules → merging of mentions of one event → facts with evidence in the original text.
 */
public final class Extractor {
    /** Changes whenever the output for the same text may change. */
    static final String VERSION = "1.2.0";
    public static final ExtractorInfo INFO = new ExtractorInfo("communique-rules", VERSION);

    private final ScriptConverter converter;
    private final Gazetteer gazetteer;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final DateResolver dates = new DateResolver();
    private final TopicTagger topics;
    private final List<Rule> rules = List.of(new VisitRule(), new InteractionRule(), new SummitRule(), new SigningRule());

    public Extractor() {
        this(Lexicon.get());
    }

    Extractor(Lexicon lexicon) {
        this.converter = lexicon.converter();
        this.gazetteer = lexicon.gazetteer();
        this.topics = lexicon.topicTagger();
    }

    public List<Fact> extract(Document document) {
        String original = document.text() == null ? "" : document.text();
        Analysis analysis = analyse(original, document.published());
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < analysis.sentences.size(); i++) {
            for (Rule rule : rules) {
                rule.apply(analysis, i, candidates);
            }
        }
        candidates.sort((x, y) -> Integer.compare(x.sentence, y.sentence));
        return toFacts(document, analysis, EventMerger.merge(candidates));
    }

    private Analysis analyse(String original, String published) {
        String text = converter.convert(original);
        List<Sentence> sentences = splitter.split(text);
        DateResolver.Ref ref = DateResolver.reference(text, published);
        Analysis analysis = new Analysis(original, text, sentences, ref);
        String lastDate = ref.full() == null ? null : ref.full().toString();
        String paragraphDate = null;
        // an event no sentence dates takes the dateline's day, never the bare published date: that is when the
        // report was published, not necessarily when anything happened
        String carriedDate = ref.datelineDate();
        int paragraph = -1;
        for (Sentence s : sentences) {
            analysis.mentions.add(gazetteer.find(text, s.start(), s.end(), ref.yearMonth()));
            List<DateResolver.Found> found = dates.find(text, s.start(), s.end(), ref, lastDate);
            analysis.dates.add(found);
            if (s.paragraph() != paragraph) {
                paragraph = s.paragraph();
                paragraphDate = null;
            }
            analysis.paragraphDates.add(paragraphDate);
            analysis.documentDates.add(carriedDate);
            for (DateResolver.Found f : found) {
                lastDate = f.date() != null ? f.date() : lastDate;
                paragraphDate = f.date() != null ? f.date() : paragraphDate;
                carriedDate = f.date() != null ? f.date() : carriedDate;
            }
        }
        analysis.carrySubjects();
        return analysis;
    }

    private List<Fact> toFacts(Document document, Analysis analysis, List<Candidate> events) {
        List<Fact> facts = new ArrayList<>();
        Map<String, Integer> ordinals = new HashMap<>();
        for (Candidate c : events) {
            Sentence s = analysis.sentence(c.sentence);
            List<String> participants = List.copyOf(c.participants);
            String date = c.finalDate();
            String key = c.type + "|" + participants + "|" + date;
            int ordinal = ordinals.merge(key, 1, Integer::sum) - 1;
            String evidence = analysis.original.substring(s.start(), s.end());
            String initiator = c.initiator != null && participants.contains(c.initiator) ? c.initiator : null;
            facts.add(EventIds.link(new Fact(
                    Ids.factId(document.id(), c.type, participants, date, ordinal),
                    document.id(), document.source(), c.type, participants, initiator, c.persons(),
                    date, c.endDate, c.location, c.title, topics.tag(analysis.text.substring(s.start(), s.end())),
                    Math.round(c.confidence * 100) / 100.0, new Evidence(evidence, s.start(), s.end()), INFO), ordinal));
        }
        return facts;
    }
}
