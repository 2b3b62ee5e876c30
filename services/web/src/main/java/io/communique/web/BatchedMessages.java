package io.communique.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON values sent together as {@code {"type":T,"T":[…]}} messages: new facts ({@code "facts"}) and the counts of
 * changed views ({@code "counts"}), in the order they were added, built from their bytes as given (no re-encoding).
 * One message per fact to every client made the fan-out cost clients × facts frames, which saturated the event loop at
 * a few hundred facts a second; a message per flush costs clients × flushes, and flushes grow larger, not more
 * frequent, when facts come faster. A message ends before it would exceed {@link LiveClients#MAX_FRAME_BYTES}, so it
 * is one frame (unless one value alone is larger), well below the message size WebSocket clients accept (256 KB in
 * Vert.x's client; a second of a busy log changes a thousand event views).
 */
final class BatchedMessages {
    private static final byte[] TAIL = "]}".getBytes(StandardCharsets.UTF_8);

    private final byte[] head;
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();
    private final List<byte[]> messages = new ArrayList<>();

    /** Messages of {@code type}, whose values are in the array of the same name. */
    BatchedMessages(String type) {
        this.head = ("{\"type\":\"" + type + "\",\"" + type + "\":[").getBytes(StandardCharsets.UTF_8);
    }

    /** Adds a value, as its JSON. */
    void add(byte[] value) {
        if (message.size() > 0 && message.size() + 1 + value.length + TAIL.length > LiveClients.MAX_FRAME_BYTES) {
            end();
        }
        if (message.size() == 0) {
            message.writeBytes(head);
        } else {
            message.write(',');
        }
        message.writeBytes(value);
    }

    boolean isEmpty() {
        return message.size() == 0 && messages.isEmpty();
    }

    /** The messages of the values added since the last call, UTF-8, and starts empty again. */
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
