package io.communique.extract;

import io.communique.model.contracts.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Tags a fact with the topics whose zh/en cues (topics.tsv) occur in its sentence or paragraph. */
final class TopicTagger {
    record Topic(String id, String zh, String en, List<String> cues) {
    }

    private final List<Topic> topics = new ArrayList<>();

    TopicTagger() {
        for (String[] row : Resources.rows(Labels.TOPICS)) {
            topics.add(new Topic(row[0], row[1], row[2], List.of(row[3].split("\\|"))));
        }
    }

    List<Topic> topics() {
        return topics;
    }

    /**
     * The topics whose cues occur in the text, each with the first cue that matched as written in the original: text is
     * the converted script of original (same length); Latin cues match from a word start, case-insensitively.
     */
    Map<String, String> cues(String text, String original) {
        String folded = text.toLowerCase(Locale.ROOT);
        String lower = folded.length() == text.length() ? folded : text; // offsets must stay those of the original
        Map<String, String> found = new LinkedHashMap<>();
        for (Topic topic : topics) {
            for (String cue : topic.cues()) {
                int at = find(lower, cue);
                if (at >= 0) {
                    found.put(topic.id(), original.substring(at, at + cue.length()));
                    break;
                }
            }
        }
        return found;
    }

    /** Where the cue occurs in the lower-cased text, or -1. */
    private static int find(String text, String cue) {
        if (cue.isEmpty()) {
            return -1;
        }
        if (!Character.isLetter(cue.charAt(0)) || cue.charAt(0) > 0x250) {
            return text.indexOf(cue);
        }
        for (int at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
            if (at == 0 || !Character.isLetter(text.charAt(at - 1))) {
                return at; // prefix match on purpose: "terroris" covers terrorism and terrorist
            }
        }
        return -1;
    }
}
