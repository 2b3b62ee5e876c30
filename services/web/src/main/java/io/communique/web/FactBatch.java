package io.communique.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * New facts as {@code {"type":"facts","facts":[…]}} messages, in the order they arrived, built from the facts' bytes
 * as published (no re-encoding). One message per fact to every client made the fan-out cost clients × facts frames,
 * which saturated the event loop at a few hundred facts a second; a message per flush costs clients × flushes, and
 * flushes grow larger, not more frequent, when facts come faster. A message ends before it would exceed
 * {@link LiveClients#MAX_FRAME_BYTES}, so it is one frame (unless one fact alone is larger), well below the message
 * size WebSocket clients accept.
 */
final class FactBatch {
    private static final byte[] HEAD = "{\"type\":\"facts\",\"facts\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "]}".getBytes(StandardCharsets.UTF_8);

    private final ByteArrayOutputStream message = new ByteArrayOutputStream();
    private final List<byte[]> messages = new ArrayList<>();

    /** Adds a fact, as its JSON object. */
    void add(byte[] fact) {
        if (message.size() > 0 && message.size() + 1 + fact.length + TAIL.length > LiveClients.MAX_FRAME_BYTES) {
            end();
        }
        if (message.size() == 0) {
            message.writeBytes(HEAD);
        } else {
            message.write(',');
        }
        message.writeBytes(fact);
    }

    boolean isEmpty() {
        return message.size() == 0 && messages.isEmpty();
    }

    /** The messages of the facts added since the last call, UTF-8, and starts empty again. */
    List<byte[]> drain() {
        if (message.size() > 0) {
            end();
        }
        List<byte[]> drained = List.copyOf(messages);
        messages.clear();
        return drained;
    }

    private void end() {
        message.writeBytes(TAIL);
        messages.add(message.toByteArray());
        message.reset();
    }
}
