package io.communique.extract;

import io.communique.model.Document;
import io.communique.model.Fact;
import io.communique.model.FactType;

import java.util.List;

/** Test helpers: one shared extractor and short ways to run it on a sentence. */
final class Facts {
    static final Extractor EXTRACTOR = new Extractor();

    private Facts() {
    }

    static List<Fact> of(String text, String published) {
        return EXTRACTOR.extract(Document.of(text, "test.txt", null, null, published, null));
    }

    /** Each fact as "TYPE A,B" (participants sorted), in extraction order: what the scorer matches on. */
    static List<String> keys(String text, String published) {
        return keys(of(text, published));
    }

    static List<String> keys(List<Fact> facts) {
        return facts.stream().map(f -> f.type() + " " + String.join(",", f.participants())).toList();
    }

    static List<Fact> ofType(List<Fact> facts, FactType type) {
        return facts.stream().filter(f -> f.type() == type).toList();
    }
}
