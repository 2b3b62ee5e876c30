package io.communique.web;

import io.communique.model.FactQuery;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /ws/replay?from=YYYY-MM-DD&to=YYYY-MM-DD&speed=N}: a time-lapse session of its own for one browser. The
 * period's facts are read from the store on a worker, never the event loop, into a {@link TimeLapse}, which a timer
 * then plays at N days per second; the client sends play, pause, speed and seek. Each session holds its period's
 * facts, so they are capped ({@link ReadLimits#replayMaxFacts}), so are the sessions open at once
 * ({@link ReadLimits#concurrentReplays}), and they count among the client address's WebSockets.
 */
final class TimeLapseSocket implements Handler<RoutingContext> {
    private static final long TICK_MS = 100;
    /** A paused time-lapse writes nothing: a ping every 30 s keeps the idle timeout from closing it. */
    private static final long PING_TICKS = 300;
    private static final int DEFAULT_SPEED = 30;
    /** Close code 1008: the request breaks a rule of the server, here the facts a time-lapse may hold. */
    private static final short POLICY_VIOLATION = 1008;

    private final Vertx vertx;
    private final LiveState state;
    private final WorkerExecutor workers;
    private final OriginCheck origins;
    private final int maxQueueBytes;
    private final PerAddress webSockets;
    private final int maxSessions;
    private final int maxFacts;
    private final AtomicInteger sessions = new AtomicInteger();

    /**
     * @param webSockets  the WebSockets each client address holds, shared with the live socket
     * @param maxSessions time-lapses open at once; 0 = no cap
     * @param maxFacts    facts one time-lapse may hold; 0 = no cap
     */
    TimeLapseSocket(Vertx vertx, LiveState state, WorkerExecutor workers, OriginCheck origins, int maxQueueBytes,
                    PerAddress webSockets, int maxSessions, int maxFacts) {
        this.vertx = vertx;
        this.state = state;
        this.workers = workers;
        this.origins = origins;
        this.maxQueueBytes = maxQueueBytes;
        this.webSockets = webSockets;
        this.maxSessions = maxSessions;
        this.maxFacts = maxFacts;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!origins.allows(ctx)) {
            return;
        }
        String from = ctx.queryParams().get("from");
        String to = ctx.queryParams().get("to");
        String speed = ctx.queryParams().get("speed");
        if (from == null || to == null || !FactFilters.isDate(from) || !FactFilters.isDate(to)
                || LocalDate.parse(to).isBefore(LocalDate.parse(from))) {
            Problems.send(ctx, 400, "from and to must be dates as YYYY-MM-DD, from not after to");
            return;
        }
        int daysPerSecond;
        try {
            daysPerSecond = speed == null ? DEFAULT_SPEED : Integer.parseInt(speed);
        } catch (NumberFormatException e) {
            daysPerSecond = 0;
        }
        if (daysPerSecond < 1 || daysPerSecond > TimeLapse.MAX_SPEED) {
            Problems.send(ctx, 400, "speed must be a whole number of days per second from 1 to " + TimeLapse.MAX_SPEED);
            return;
        }
        String address = ClientAddress.of(ctx.request());
        if (!webSockets.take(address)) {
            LiveSocket.tooManyWebSockets(ctx, webSockets.cap());
            return;
        }
        if (sessions.incrementAndGet() > maxSessions && maxSessions > 0) {
            end(address);
            ctx.response().putHeader("Retry-After", "30");
            Problems.send(ctx, 429, "too many time-lapses on this server (at most " + maxSessions
                    + " at once, see MAX_REPLAYS): try again later");
            return;
        }
        int speedDays = daysPerSecond;
        ctx.request().toWebSocket().onSuccess(socket -> {
            long[] timer = {-1};
            socket.closeHandler(v -> {
                vertx.cancelTimer(timer[0]);
                end(address);
            });
            // Held until the period's facts are read from the store on a worker; control messages wait meanwhile.
            socket.pause();
            // One more than the cap is read, to know whether the period holds more.
            int reading = maxFacts == 0 ? Integer.MAX_VALUE : maxFacts + 1;
            workers.executeBlocking(() -> state.facts(new FactQuery(null, null, null, from, to, null), 0, reading), false)
                    .onSuccess(facts -> {
                        if (facts.size() == reading) {
                            socket.close(POLICY_VIOLATION, "more than " + maxFacts + " facts in the period: choose a"
                                    + " shorter one (REPLAY_MAX_FACTS)");
                        } else {
                            timer[0] = play(socket, new TimeLapse(facts, LocalDate.parse(from), LocalDate.parse(to),
                                    speedDays));
                        }
                    })
                    .onFailure(error -> socket.close((short) 1011, "the facts could not be read"));
        }).onFailure(error -> {
            end(address);
            Problems.send(ctx, 400, "WebSocket upgrade failed: " + error.getMessage());
        });
    }

    /** A session ended (or was never opened): its place and its client's WebSocket are free. */
    private void end(String address) {
        sessions.decrementAndGet();
        webSockets.release(address);
    }

    /** Plays the time-lapse to the socket; returns the timer that advances it (-1: the browser left meanwhile). */
    private long play(ServerWebSocket socket, TimeLapse lapse) {
        if (socket.isClosed()) {
            return -1;
        }
        socket.setWriteQueueMaxSize(maxQueueBytes);
        socket.writeTextMessage(lapse.clock());
        long[] ticks = {0};
        long timer = vertx.setPeriodic(TICK_MS, id -> {
            send(socket, lapse.advance(TICK_MS / 1000.0));
            if (++ticks[0] % PING_TICKS == 0) {
                socket.writePing(Buffer.buffer("ping"));
            }
        });
        socket.textMessageHandler(text -> {
            try {
                send(socket, lapse.control(new JsonObject(text).getMap()));
            } catch (RuntimeException e) {
                socket.writeTextMessage(new JsonObject().put("type", "replay-error")
                        .put("detail", "send {\"action\": \"play\"|\"pause\"|\"speed\"|\"seek\", \"value\": …}").encode());
            }
        });
        socket.resume();
        return timer;
    }

    /** Sends in order; a client that cannot keep up with its own time-lapse is closed rather than buffered. */
    private static void send(ServerWebSocket socket, List<String> messages) {
        for (String message : messages) {
            if (socket.writeQueueFull()) {
                socket.close((short) 1013, "too slow");
                return;
            }
            socket.writeTextMessage(message);
        }
    }
}
