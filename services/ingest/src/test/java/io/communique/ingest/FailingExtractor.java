package io.communique.ingest;

import io.communique.extract.Extractor;
import io.communique.model.Document;
import io.communique.model.Fact;

import java.util.List;

/**
 * The real extractor, except that it throws on a report containing {@link #MARKER}, as an extractor bug would on some
 * unforeseen input (no input is known to make the real one throw).
 */
public final class FailingExtractor extends Extractor {
    public static final String MARKER = "（令抽取器失败）";

    @Override
    public List<Fact> extract(Document document) {
        if (document.text() != null && document.text().contains(MARKER)) {
            throw new IllegalStateException("extractor bug on " + document.source());
        }
        return super.extract(document);
    }
}
