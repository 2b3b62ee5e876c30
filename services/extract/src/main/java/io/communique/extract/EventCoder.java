package io.communique.extract;

import io.communique.model.EventCodes;
import io.communique.model.FactType;

import java.util.ArrayList;
import java.util.List;

/** CAMEO and PLOVER codes of a fact by its type and context, from event-codes.tsv (sources noted there). */
final class EventCoder {
    /** A fact's context that selects among the rows of one type. */
    enum Context {
        /** a summit fact of the country that hosts or chairs it */
        HOST("host"),
        /** a meeting during a summit or at a place outside every participant's country */
        THIRD_PARTY("third-party"),
        ANY("*");

        final String name;

        Context(String name) {
            this.name = name;
        }
    }

    private record Row(FactType type, String context, EventCodes codes) {
    }

    private final List<Row> rows = new ArrayList<>();

    EventCoder() {
        for (String[] row : Resources.rows("event-codes.tsv")) {
            rows.add(new Row(FactType.valueOf(row[0]), row[1], new EventCodes(row[2], row[3], row[4].isEmpty() ? null : row[4])));
        }
    }

    /** The first row of the type whose context matches ("*" matches any), or null when the table has none. */
    EventCodes code(FactType type, Context context) {
        for (Row row : rows) {
            if (row.type() == type && (row.context().equals(Context.ANY.name) || row.context().equals(context.name))) {
                return row.codes();
            }
        }
        return null;
    }
}
