package io.communique.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tags a fact with the topics whose zh/en cues (topics.tsv) occur in its sentence or paragraph. */
final class TopicTagger {
    record Topic(String id, String zh, String en, List<String> cues) {
    }

    private final List<Topic> topics = new ArrayList<>();

    TopicTagger() {
        for (String[] row : Resources.rows("topics.tsv")) {
            topics.add(new Topic(row[0], row[1], row[2], List.of(row[3].split("\\|"))));
        }
    }

    List<Topic> topics() {
        return topics;
    }

    /** Topic ids whose cues occur in the text (converted script); Latin cues match whole words, case-insensitively. */
    List<String> tag(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> ids = new ArrayList<>();
        for (Topic topic : topics) {
            if (topic.cues().stream().anyMatch(cue -> contains(lower, cue))) {
                ids.add(topic.id());
            }
        }
        return ids;
    }

    private static boolean contains(String text, String cue) {
        if (cue.isEmpty() || !Character.isLetter(cue.charAt(0)) || cue.charAt(0) > 0x250) {
            return !cue.isEmpty() && text.contains(cue);
        }
        for (int at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
            boolean startOk = at == 0 || !Character.isLetter(text.charAt(at - 1));
            if (startOk) {
                return true; // prefix match on purpose: "terroris" covers terrorism and terrorist
            }
        }
        return false;
    }
}
