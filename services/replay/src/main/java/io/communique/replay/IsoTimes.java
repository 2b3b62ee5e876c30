package io.communique.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The times a user may type: an instant, a date-time with an offset, or a date or date-time read as UTC. */
final class IsoTimes {
    private IsoTimes() {
    }

    static final String EXAMPLES = "2019-04-25, 2019-04-25T08:00:00Z or 2019-04-25T16:00+08:00";

    /** The instant, or null when the text is no ISO-8601 time. */
    static Instant parse(String text) {
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // try the next form
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
