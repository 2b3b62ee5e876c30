package io.communique.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a clause begins and ends around a position of a sentence. Rules look for subjects, counterparts, plans, places
 * and organisations within the clause of their trigger, not the whole sentence: a Chinese clause ends at a comma, an
 * English one only at a semicolon or colon; an English contrast (", while …") starts a clause with its own subject.
 */
final class Clauses {
    private final Analysis a;

    Clauses(Analysis a) {
        this.a = a;
    }

    /** Where the clause holding position begins: after the last ";" or ":" before it (or "," in Chinese), else the sentence's start. */
    int start(int i, int position) {
        int start = a.sentence(i).start();
        for (int p = position - 1; p > start; p--) {
            char c = a.text.charAt(p);
            if (c == ';' || c == ':' || (!a.english && c == ',')) {
                return p + 1;
            }
        }
        return start;
    }

    /** Where the Chinese clause holding position ends, at the next "," or ";"; an English clause ends with its sentence. */
    int end(int i, int position) {
        int end = a.sentence(i).end();
        if (a.english) {
            return end;
        }
        for (int p = position; p < end; p++) {
            if (a.text.charAt(p) == ',' || a.text.charAt(p) == ';') {
                return p;
            }
        }
        return end;
    }

    /**
     * ", while in New Delhi the crown prince held talks…", ", as Washington seeks…", "sign pact as Modi courts…": a
     * contrasted or circumstantial clause of an English sentence has its own subject.
     */
    private static final Pattern CONTRAST = Pattern.compile(",\\s*(?:while|whereas|as)\\s|\\s+as\\s+(?=[A-Z][\\w-]+\\s+[a-z]+s\\b)");

    /** Where the English clause holding position begins after a contrast (", while …"), else the sentence's start. */
    int contrastStart(int i, int position) {
        int start = a.sentence(i).start();
        if (!a.english) {
            return start;
        }
        Matcher m = CONTRAST.matcher(a.text).region(start, position);
        while (m.find()) {
            start = m.end();
        }
        return start;
    }

    /** Where the English clause holding position ends before a contrast (", while …"), else the sentence's end. */
    int contrastEnd(int i, int position) {
        Matcher m = CONTRAST.matcher(a.text).region(position, a.sentence(i).end());
        return a.english && m.find() ? m.start() : a.sentence(i).end();
    }
}
