package io.communique.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Locale;

/**
 * Answers 415 for a body of a media type or charset that its route does not take, before the body is read: whatever
 * the bytes are (an image, say), the client learns that the type is wrong, not that its bytes are bad UTF-8.
 */
final class ContentTypeGuard implements Handler<RoutingContext> {
    private final List<String> accepted;

    /** @param accepted media types the route takes, lower case, each as UTF-8 only */
    ContentTypeGuard(List<String> accepted) {
        this.accepted = List.copyOf(accepted);
    }

    /** {@code type/subtype} of a Content-Type header in lower case; "" when there is none. */
    static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String contentType = ctx.request().getHeader("Content-Type");
        if (!accepted.contains(mediaType(contentType))) {
            Problems.send(ctx, 415, "send the body as " + String.join(" or ", accepted) + ", not '"
                    + Problems.abbreviate(contentType == null ? "nothing" : contentType) + "'");
            return;
        }
        String charset = charset(contentType);
        if (charset != null && !charset.equals("utf-8")) {
            Problems.send(ctx, 415, "only UTF-8 is accepted, not '" + Problems.abbreviate(charset) + "'");
            return;
        }
        ctx.next();
    }

    /** The charset parameter in lower case without quotes, or null when the header names none. */
    private static String charset(String contentType) {
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset")) {
                return parameter[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
