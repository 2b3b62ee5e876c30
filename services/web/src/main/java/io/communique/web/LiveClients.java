package io.communique.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The connected WebSocket clients. Every message goes to all of them; a client whose bounded write queue is full
 * cannot keep up and is dropped (it reconnects and resynchronises from a snapshot), so one slow reader never holds
 * memory for, or delays, the others. Event-loop confined.
 */
final class LiveClients {
    private static final Logger LOG = LoggerFactory.getLogger(LiveClients.class);
    /** Close code 1013, "try again later": the client fell behind. */
    private static final short TRY_AGAIN_LATER = 1013;
    private final Set<ServerWebSocket> sockets = new LinkedHashSet<>();
    private final int maxQueuedBytes;

    LiveClients(int maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /** Adds a client after sending it the snapshot; it leaves the set when it closes. */
    void add(ServerWebSocket socket, String snapshot) {
        socket.setWriteQueueMaxSize(maxQueuedBytes);
        socket.closeHandler(v -> sockets.remove(socket));
        socket.exceptionHandler(error -> socket.close());
        socket.textMessageHandler(text -> { }); // clients have nothing to say yet; reading keeps the socket flowing
        sockets.add(socket);
        socket.writeTextMessage(snapshot);
    }

    void broadcast(String message) {
        for (ServerWebSocket socket : Set.copyOf(sockets)) {
            if (socket.writeQueueFull()) {
                LOG.info("Dropping a WebSocket client that cannot keep up");
                sockets.remove(socket);
                socket.close(TRY_AGAIN_LATER, "too slow");
            } else {
                socket.writeTextMessage(message);
            }
        }
    }

    /** Keeps idle connections open through proxies that cut silent ones. */
    void ping() {
        sockets.forEach(socket -> socket.writePing(Buffer.buffer("ping")));
    }
}
