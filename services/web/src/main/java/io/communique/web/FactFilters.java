package io.communique.web;

import io.communique.model.FactQuery;
import io.communique.model.FactType;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** The query parameters that filter facts ({@code country, type, topic, since, until}), checked; 400s say what is wrong. */
final class FactFilters {
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9+]{1,7}");
    static final Pattern TOPIC_ID = Pattern.compile("[a-z0-9-]{1,64}");

    private FactFilters() {
    }

    /** The filters of the request; null after answering 400 when one is malformed. */
    static FactQuery of(RoutingContext ctx) {
        String country = ctx.queryParams().get("country");
        String type = ctx.queryParams().get("type");
        String topic = ctx.queryParams().get("topic");
        String since = ctx.queryParams().get("since");
        String until = ctx.queryParams().get("until");
        if (country != null && !CODE.matcher(country).matches()) {
            Problems.send(ctx, 400, "country must be a code such as RU or G20, not '" + Problems.abbreviate(country) + "'");
            return null;
        }
        FactType factType = type(ctx, type);
        if (type != null && factType == null) {
            return null;
        }
        if (topic != null && !TOPIC_ID.matcher(topic).matches()) {
            Problems.send(ctx, 400, "topic must be a topic id such as trade, not '" + Problems.abbreviate(topic) + "'");
            return null;
        }
        for (String date : new String[]{since, until}) {
            if (date != null && !isDate(date)) {
                Problems.send(ctx, 400, "since and until must be dates as YYYY-MM-DD, not '" + Problems.abbreviate(date) + "'");
                return null;
            }
        }
        if (since != null && until != null && until.compareTo(since) < 0) {
            Problems.send(ctx, 400, "until must not be before since");
            return null;
        }
        return new FactQuery(country, factType, topic, since, until, null);
    }

    static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The fact type named, or null after answering 400 when the name is none. */
    static FactType type(RoutingContext ctx, String name) {
        if (name == null) {
            return null;
        }
        try {
            return FactType.valueOf(name);
        } catch (IllegalArgumentException e) {
            Problems.send(ctx, 400, "type must be one of " + Arrays.toString(FactType.values()));
            return null;
        }
    }
}
