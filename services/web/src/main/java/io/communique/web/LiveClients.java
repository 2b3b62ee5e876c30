package io.communique.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The connected WebSocket clients. A dashboard ({@link Mode#UPDATES}, the default) gets coalesced updates
 * ({@link LiveUpdates}) at most a few times a second; a program that asked for {@code mode=all} gets every fact
 * whole. Both get alerts, and a changed view goes whole only to the clients that watch it
 * (the page showing it, see {@link ViewWatch}) and as its new count to the others, because whole views to every
 * client were almost all of the WebSocket bytes and delayed the facts queued behind them. A client whose bounded write
 * queue is full cannot keep up and is dropped (it reconnects and resynchronises from a snapshot), so one slow reader
 * never holds memory for, or delays, the others. Event-loop confined.
 *
 * <p>A message is encoded to UTF-8 once and every client gets frames that wrap the same bytes: with a thousand
 * clients, encoding per client ({@code writeTextMessage}) was most of the event loop's time. The bytes are copied once
 * into direct (off-heap) memory, because a socket writes only from such memory: frames over heap bytes were copied
 * once per client as they were written (a gigabyte a second at 1,000 clients and 1,000 facts/s), and every client's
 * queue held its own copy (gigabytes of resident memory when clients fell behind). The JVM frees a message's memory
 * once no queue holds it.
 *
 * <p>Each frame written flushes, and a flush is a system call (on loopback it also runs the receiver's TCP stack):
 * 200 facts/s to 100 clients took the event loop 1-3 ms per fact, which saturated it, so facts and the HTTP requests
 * behind them queued for seconds. Every client's flushes are therefore consolidated: everything written to it while
 * the event loop handles one batch of records goes out in one flush right after. Both the shared frames and the
 * consolidated flushes need Vert.x internals, which only {@link VertxInternals} touches.
 */
final class LiveClients {
    private static final Logger LOG = LoggerFactory.getLogger(LiveClients.class);
    /** Close code 1013, "try again later": the client fell behind. */
    private static final short TRY_AGAIN_LATER = 1013;
    /** Close code 1001, "going away": the server gives up on a client it no longer hears from. */
    private static final short GOING_AWAY = 1001;
    /** The close reason of a client that answered no ping for the idle time. */
    static final String IDLE = "idle: no message or pong within the idle timeout";
    /** The close reason of a dashboard dropped: its queue of updates is full. */
    static final String TOO_SLOW = "too slow";
    /**
     * The close reason of a {@code mode=all} client dropped: it did not read every fact as fast as they came; a
     * program that must never miss one reads the fact topic.
     */
    static final String TOO_SLOW_FOR_ALL = "too slow: write queue full in mode=all; read communique.facts.v1 instead";
    /** Largest frame written; clients accept 64 KiB frames by default, so longer messages go out in several. */
    static final int MAX_FRAME_BYTES = 64 * 1024;
    /**
     * How long a dropped client's close frame may wait behind its full queue before the connection is cut: Vert.x
     * starts the closing handshake's timeout only once the frame is written, which for a stalled reader is never, so
     * the connection and its queue (up to the queue limit) stayed for good (hundreds of them in the full bench).
     */
    private static final long DROP_GRACE_SECONDS = 5;
    /** What a client asked for: coalesced updates for people, or every fact for programs. */
    enum Mode {
        UPDATES, ALL;

        /** The mode of a {@code mode} query parameter: {@code all}, or updates when absent; anything else is null. */
        static Mode of(String parameter) {
            return parameter == null || parameter.equals("updates") ? UPDATES : parameter.equals("all") ? ALL : null;
        }
    }

    /** A client's mode and the views it watches: clients with equal subscriptions share every message's bytes. */
    private record Subscription(Mode mode, Set<String> views) {
    }

    /** Every client with its subscription. */
    private final Map<ServerWebSocket, Subscription> sockets = new LinkedHashMap<>();
    /** Every client's connection, to cut it when its close frame cannot get through. */
    private final Map<ServerWebSocket, Channel> channels = new HashMap<>();
    /** When each client was last heard from (a message or a pong), in nanos: one silent for too long is gone. */
    private final Map<ServerWebSocket, Long> lastHeard = new HashMap<>();
    private final int maxQueuedBytes;
    /** How long a client may stay silent, in nanos; 0 = for ever. */
    private final long idleNanos;
    /** Messages copied to direct memory so far: once per message, however many clients get it. */
    private long encoded;
    private boolean warnedNoChannel;

    /** Clients that may stay silent for ever. */
    LiveClients(int maxQueuedBytes) {
        this(maxQueuedBytes, 0);
    }

    /** @param idleSeconds a client that sends nothing, not even the pong to a {@link #ping}, this long is closed */
    LiveClients(int maxQueuedBytes, int idleSeconds) {
        this.maxQueuedBytes = maxQueuedBytes;
        this.idleNanos = TimeUnit.SECONDS.toNanos(idleSeconds);
    }

    /**
     * Adds a client after sending it the snapshot; it leaves the set when it closes.
     *
     * @param connection the connection {@code socket} was upgraded from, whose flushes are consolidated
     * @param onClose    run once the client has closed
     */
    void add(ServerWebSocket socket, HttpConnection connection, String snapshot, Mode mode, Runnable onClose) {
        Channel channel = VertxInternals.channel(connection);
        if (channel != null) {
            VertxInternals.consolidateFlushes(channel);
            channels.put(socket, channel);
        } else if (!warnedNoChannel) {
            warnedNoChannel = true;
            LOG.warn("This Vert.x gives no Netty channel for a WebSocket's connection: flushes are not consolidated and"
                    + " dropped clients are not cut (see VertxInternals)");
        }
        socket.setWriteQueueMaxSize(maxQueuedBytes);
        socket.closeHandler(v -> {
            sockets.remove(socket);
            channels.remove(socket);
            lastHeard.remove(socket);
            onClose.run();
        });
        socket.exceptionHandler(error -> socket.close());
        socket.textMessageHandler(text -> {
            lastHeard.put(socket, System.nanoTime());
            watch(socket, text);
        });
        socket.pongHandler(pong -> lastHeard.put(socket, System.nanoTime()));
        lastHeard.put(socket, System.nanoTime());
        sockets.put(socket, new Subscription(mode, Set.of()));
        socket.writeTextMessage(snapshot);
    }

    /** A client's message: a watch list replaces the views it watches; anything else is answered with an error. */
    private void watch(ServerWebSocket socket, String text) {
        Subscription subscription = sockets.get(socket);
        if (subscription == null) {
            return;
        }
        try {
            sockets.put(socket, new Subscription(subscription.mode(), ViewWatch.parse(text)));
        } catch (IllegalArgumentException e) {
            socket.writeTextMessage(ViewWatch.error(e.getMessage()));
        }
    }

    /** A message for every client. */
    void broadcast(String message) {
        broadcast(message.getBytes(StandardCharsets.UTF_8));
    }

    /** A message for every client, as UTF-8. */
    void broadcast(byte[] utf8) {
        List<byte[]> message = List.of(utf8);
        send(subscription -> message);
    }

    /** A message for the clients of one mode, as UTF-8. */
    void broadcast(Mode mode, byte[] utf8) {
        List<byte[]> message = List.of(utf8);
        List<byte[]> none = List.of();
        send(subscription -> subscription.mode() == mode ? message : none);
    }

    /**
     * Changed views, each with its {@link ViewWatch#count} entry by the name clients watch it by ("country/RU"): whole
     * to the clients watching it, and the counts of all the others in one message per client (more when they pass a
     * frame). A count message per
     * view to every client was most of the WebSocket messages (a hundred views change every second). Each message is
     * encoded once per distinct watch list and a view's whole message only if someone watches it, whatever the
     * number of clients.
     */
    void broadcastViews(Map<String, String> counts, Function<String, byte[]> whole) {
        Map<String, byte[]> wholes = new HashMap<>();
        Map<Set<String>, List<byte[]>> messagesByWatchList = new HashMap<>();
        send(subscription -> messagesByWatchList.computeIfAbsent(subscription.views(), views -> {
            List<byte[]> messages = new ArrayList<>();
            List<String> others = counts.entrySet().stream().filter(count -> !views.contains(count.getKey()))
                    .map(Map.Entry::getValue).toList();
            messages.addAll(ViewWatch.counts(others));
            views.stream().filter(counts::containsKey).forEach(view -> messages.add(wholes.computeIfAbsent(view, whole)));
            return messages;
        }));
    }

    private void send(Function<Subscription, List<byte[]>> messagesFor) {
        if (sockets.isEmpty()) {
            return;
        }
        List<Map.Entry<ServerWebSocket, Mode>> slow = new ArrayList<>();
        List<ServerWebSocket> closed = new ArrayList<>();
        Map<byte[], ByteBuf> direct = new IdentityHashMap<>();
        for (Map.Entry<ServerWebSocket, Subscription> client : sockets.entrySet()) {
            ServerWebSocket socket = client.getKey();
            try {
                List<byte[]> messages = messagesFor.apply(client.getValue());
                if (messages.isEmpty()) {
                    continue;
                }
                if (socket.writeQueueFull()) {
                    slow.add(Map.entry(socket, client.getValue().mode()));
                    continue;
                }
                for (byte[] message : messages) {
                    writeText(socket, direct.computeIfAbsent(message, this::direct));
                }
            } catch (IllegalStateException e) {
                closed.add(socket); // closed by the client before its close handler ran: not the others' problem
            }
        }
        closed.forEach(sockets::remove);
        for (Map.Entry<ServerWebSocket, Mode> client : slow) {
            ServerWebSocket socket = client.getKey();
            LOG.info("Dropping a WebSocket client ({}) that cannot keep up", client.getValue());
            drop(socket, TRY_AGAIN_LATER, client.getValue() == Mode.ALL ? TOO_SLOW_FOR_ALL : TOO_SLOW);
        }
    }

    /** Closes a client now, and its connection once its close frame had time to get through (see DROP_GRACE_SECONDS). */
    private void drop(ServerWebSocket socket, short code, String reason) {
        sockets.remove(socket);
        socket.close(code, reason);
        Channel channel = channels.remove(socket);
        if (channel != null) {
            channel.eventLoop().schedule(() -> channel.close(), DROP_GRACE_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** A message's bytes in direct memory that the garbage collector frees (Netty never does: frames do not own it). */
    private ByteBuf direct(byte[] utf8) {
        encoded++;
        return Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(utf8.length).put(utf8).flip());
    }

    /**
     * One text message in frames that wrap (never copy) the shared bytes: each frame gets its own buffer indices
     * over the same memory, which Netty neither changes nor frees.
     */
    private static void writeText(ServerWebSocket socket, ByteBuf message) {
        int size = message.readableBytes();
        int offset = 0;
        do {
            int length = Math.min(MAX_FRAME_BYTES, size - offset);
            boolean last = offset + length == size;
            WebSocketFrameType type = offset == 0 ? WebSocketFrameType.TEXT : WebSocketFrameType.CONTINUATION;
            socket.writeFrame(VertxInternals.frame(type, message.slice(offset, length), last));
            offset += length;
        } while (offset < size);
    }

    int size() {
        return sockets.size();
    }

    /** The clients of one mode. */
    int size(Mode mode) {
        return (int) sockets.values().stream().filter(subscription -> subscription.mode() == mode).count();
    }

    /** How many messages were encoded (copied to direct memory) for clients: once each, whatever the clients. */
    long encodedMessages() {
        return encoded;
    }

    /**
     * Keeps idle connections open through proxies that cut silent ones, and closes (1001) the clients that did not
     * answer the pings for the idle time: their browser or network is gone, and they would hold a connection and a
     * write queue until the kernel noticed, hours later.
     */
    void ping() {
        long now = System.nanoTime();
        List<ServerWebSocket> silent = new ArrayList<>();
        for (ServerWebSocket socket : sockets.keySet()) {
            if (idleNanos > 0 && now - lastHeard.getOrDefault(socket, now) > idleNanos) {
                silent.add(socket);
            } else {
                socket.writePing(Buffer.buffer("ping"));
            }
        }
        silent.forEach(socket -> drop(socket, GOING_AWAY, IDLE));
    }
}
