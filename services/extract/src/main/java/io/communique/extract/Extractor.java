package io.communique.extract;

import io.communique.extract.SentenceSplitter.Sentence;
import io.communique.model.Document;
import io.communique.model.EventIds;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Provenance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports in, fact events out: pure, deterministic and thread-safe (all state is per call; the lexicons are loaded
 * once and only read). Pipeline: script conversion (offset-preserving) → sentences → mentions and dates →
 * event rules → merging of mentions of one event → facts with evidence in the original text.
 *
 * <p>Not final only so that tests of the ingest path can make it fail the way an extractor bug would.
 */
public class Extractor {
    /** Changes whenever the output for the same text may change. */
    static final String VERSION = "1.7.0";
    public static final ExtractorInfo INFO = new ExtractorInfo("communique-rules", VERSION);

    private final ScriptConverter converter;
    private final Gazetteer gazetteer;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final DateResolver dates = new DateResolver();
    private final TopicTagger topics;
    private final EventCoder coder;
    private final List<Rule> rules = List.of(new VisitRule(), new InteractionRule(), new SummitRule(), new SigningRule());

    public Extractor() {
        this(Lexicon.get());
    }

    Extractor(Lexicon lexicon) {
        this.converter = lexicon.converter();
        this.gazetteer = lexicon.gazetteer();
        this.topics = lexicon.topicTagger();
        this.coder = lexicon.eventCoder();
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

    /** Finds each sentence's mentions and dates, resolves the names the report itself defines, and builds the analysis. */
    private Analysis analyse(String original, String published) {
        String text = converter.convert(original);
        DateResolver.Ref ref = DateResolver.reference(text, published);
        List<SentenceFacts> sentences = new ArrayList<>();
        String lastDate = ref.full() == null ? null : ref.full().toString();
        for (Sentence s : splitter.split(text)) {
            List<Mention> mentions = gazetteer.find(text, s.start(), s.end(), ref.yearMonth());
            List<DateResolver.Found> found = dates.find(text, s.start(), s.end(), ref, lastDate);
            sentences.add(new SentenceFacts(s, text.substring(s.start(), s.end()), mentions, found));
            for (DateResolver.Found f : found) {
                if (f.date() != null) {
                    lastDate = f.date(); // what the next sentence's relative dates ("the next day") count from
                }
            }
        }
        boolean english = Analysis.isMostlyLatin(text);
        sentences = IntroducedNames.resolve(text, english, ShortForms.resolve(sentences));
        return new Analysis(original, text, english, ref, sentences);
    }

    private List<Fact> toFacts(Document document, Analysis analysis, List<Candidate> events) {
        List<String> ids = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Candidate c : events) {
            String date = EventDates.reported(c).date();
            String key = c.type + "|" + c.participants + "|" + date;
            int ordinal = seen.merge(key, 1, Integer::sum) - 1;
            ordinals.add(ordinal);
            ids.add(Ids.factId(document.id(), c.type, List.copyOf(c.participants), date, ordinal));
        }
        List<Fact> facts = new ArrayList<>();
        for (int k = 0; k < events.size(); k++) {
            Candidate c = events.get(k);
            Sentence s = analysis.sentence(c.sentence);
            List<String> participants = List.copyOf(c.participants);
            Candidate whole = PartOf.of(c, events);
            String evidence = analysis.original.substring(s.start(), s.end());
            String initiator = c.initiator != null && participants.contains(c.initiator) ? c.initiator : null;
            Map<String, String> topicCues = topics.cues(analysis.text.substring(s.start(), s.end()), evidence);
            EventDates.Dated date = EventDates.reported(c);
            Provenance provenance = new Provenance(date.rule(),
                    c.reasons.stream().map(Candidate.Reason::toString).toList(), topicCues);
            facts.add(EventIds.link(new Fact(ids.get(k), document.id(), document.source(), c.type, participants, initiator, c.persons(),
                    date.date(), c.endDate, c.location, c.title, List.copyOf(topicCues.keySet()), c.confidence(),
                    new Evidence(evidence, s.start(), s.end()), INFO,
                    null, whole == null ? null : ids.get(events.indexOf(whole)),
                    coder.code(c.type, context(c, initiator, whole)), provenance), ordinals.get(k)));
        }
        return facts;
    }

    /**
     * What selects a fact's codes besides its type: hosting a summit; a meeting at a summit away from the subject's
     * country, or in a country of none of its parties.
     */
    private static EventCoder.Context context(Candidate c, String initiator, Candidate whole) {
        if (c.type == FactType.SUMMIT && initiator != null && initiator.equals(c.summitCountry())) {
            return EventCoder.Context.HOST;
        }
        boolean atSummit = (whole != null && whole.type == FactType.SUMMIT) || (c.during != null && c.during.kind() == FactType.SUMMIT);
        boolean awayFromActor = c.locationCode == null || !c.locationCode.equals(c.actor);
        boolean elsewhere = c.locationCode != null && !c.participants.contains(c.locationCode);
        return c.type == FactType.MEETING && (atSummit && awayFromActor || elsewhere) ? EventCoder.Context.THIRD_PARTY : EventCoder.Context.ANY;
    }
}
