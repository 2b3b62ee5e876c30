package io.communique.ingest;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 serving the fixtures a test sets, like a news site would: ETag and 304 for
 * conditional requests, optional delays, redirects and error statuses; it counts what it was asked.
 */
public final class FixtureServer implements AutoCloseable {
    /** What one path answers. */
    public record Fixture(int status, String contentType, String body, String location, long delayMs) {
        String etag() {
            return "\"" + Integer.toHexString(body.hashCode()) + "\"";
        }
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final Map<String, Fixture> fixtures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private FixtureServer(Vertx vertx) {
        this.vertx = vertx;
        this.server = vertx.createHttpServer().requestHandler(this::answer);
    }

    public static FixtureServer start(Vertx vertx) {
        FixtureServer fixtures = new FixtureServer(vertx);
        TestKafka.await(fixtures.server.listen(0, "127.0.0.1"));
        return fixtures;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    public FixtureServer serve(String path, String contentType, String body) {
        fixtures.put(path, new Fixture(200, contentType, body, null, 0));
        return this;
    }

    public FixtureServer set(String path, Fixture fixture) {
        fixtures.put(path, fixture);
        return this;
    }

    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    public int notModified(String path) {
        return notModified.getOrDefault(path, new AtomicInteger()).get();
    }

    public List<String> userAgents() {
        return userAgents;
    }

    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    private void answer(HttpServerRequest request) {
        String path = request.path();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        userAgents.add(String.valueOf(request.getHeader("User-Agent")));
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        AtomicBoolean done = new AtomicBoolean();
        Runnable finished = () -> {
            if (done.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        };
        request.response().endHandler(v -> finished.run()).closeHandler(v -> finished.run());
        Fixture fixture = fixtures.get(path);
        if (fixture == null) {
            request.response().setStatusCode(404).end("no such fixture");
            return;
        }
        Runnable reply = () -> {
            if (fixture.status() == 200 && fixture.etag().equals(request.getHeader("If-None-Match"))) {
                notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                request.response().setStatusCode(304).putHeader("ETag", fixture.etag()).end();
                return;
            }
            var response = request.response().setStatusCode(fixture.status()).putHeader("ETag", fixture.etag());
            if (fixture.contentType() != null) {
                response.putHeader("Content-Type", fixture.contentType());
            }
            if (fixture.location() != null) {
                response.putHeader("Location", fixture.location());
            }
            response.end(fixture.body());
        };
        if (fixture.delayMs() > 0) {
            vertx.setTimer(fixture.delayMs(), id -> {
                if (!request.response().closed()) {
                    reply.run();
                }
            });
        } else {
            reply.run();
        }
    }

    @Override
    public void close() {
        TestKafka.await(server.close());
    }
}
