package io.communique.model;

import java.util.List;

/**
 * Facts as bulk-export rows: a JSON line (the fact as published, one per line) or a CSV row (RFC 4180, one per fact;
 * lists joined by {@value #LIST_SEPARATOR}). The columns are documented in docs/api.md, Export.
 */
public enum FactRows {
    JSONL("application/x-ndjson", "jsonl") {
        @Override
        public String header() {
            return "";
        }

        @Override
        public void append(Fact fact, StringBuilder out) {
            out.append(Json.write(fact)).append('\n');
        }
    },
    CSV("text/csv; charset=utf-8; header=present", "csv") {
        @Override
        public String header() {
            return String.join(",", COLUMNS) + "\r\n";
        }

        @Override
        public void append(Fact fact, StringBuilder out) {
            EventCodes codes = fact.codes();
            ExtractorInfo extractor = fact.extractor();
            Evidence evidence = fact.evidence();
            List<Object> values = java.util.Arrays.asList(fact.id(), fact.documentId(), fact.source(), fact.type(),
                    list(fact.participants()), fact.initiator(), list(fact.persons()), fact.date(), fact.endDate(),
                    fact.location(), fact.title(), list(fact.topics()), fact.confidence(), fact.eventId(), fact.partOf(),
                    codes == null ? null : codes.cameo(), codes == null ? null : codes.plover(),
                    codes == null ? null : codes.mode(), evidence == null ? null : evidence.text(),
                    evidence == null ? null : evidence.start(), evidence == null ? null : evidence.end(),
                    extractor == null ? null : extractor.name(), extractor == null ? null : extractor.version());
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                field(values.get(i), out);
            }
            out.append("\r\n");
        }
    };

    public static final String LIST_SEPARATOR = ";";
    /** The CSV columns, in order. */
    public static final List<String> COLUMNS = List.of("id", "documentId", "source", "type", "participants",
            "initiator", "persons", "date", "endDate", "location", "title", "topics", "confidence", "eventId", "partOf",
            "cameo", "plover", "mode", "evidence", "evidenceStart", "evidenceEnd", "extractor", "extractorVersion");

    private final String mediaType;
    private final String extension;

    FactRows(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name extension, which is also the name of the format in {@code ?format=} and {@code --format}. */
    public String extension() {
        return extension;
    }

    /** What comes before the first row. */
    public abstract String header();

    /** Appends the fact's row, line end included. */
    public abstract void append(Fact fact, StringBuilder out);

    /** The format named by {@code ?format=} or {@code --format}, or null. */
    public static FactRows named(String name) {
        for (FactRows rows : values()) {
            if (rows.extension.equals(name)) {
                return rows;
            }
        }
        return null;
    }

    private static String list(List<String> values) {
        return String.join(LIST_SEPARATOR, values);
    }

    /** A field, quoted when it holds a comma, a quote or a line break; null is the empty field. */
    private static void field(Object value, StringBuilder out) {
        if (value == null) {
            return;
        }
        String text = value.toString();
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        if (!quote) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (c == '"') {
                out.append('"');
            }
        }
        out.append('"');
    }
}
