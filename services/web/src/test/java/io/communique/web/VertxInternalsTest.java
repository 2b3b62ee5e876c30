package io.communique.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocketFrameType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link VertxInternals} needs of this Vert.x, on a real server and WebSocket: an upgrade that changes it fails
 * here, not silently in production (flushes no longer consolidated, messages copied per client).
 */
class VertxInternalsTest {
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        RunningWeb.await(vertx.close());
    }

    @Test
    void aServerConnectionShowsItsChannelAndFramesOverSharedBytesArriveAsOneTextMessage() throws Exception {
        CompletableFuture<Channel> channel = new CompletableFuture<>();
        ByteBuf shared = Unpooled.wrappedBuffer("{\"type\":\"update\"}".getBytes(StandardCharsets.UTF_8));
        HttpServer server = RunningWeb.await(vertx.createHttpServer().requestHandler(request -> {
            HttpConnection connection = request.connection();
            request.toWebSocket().onSuccess(socket -> {
                Channel netty = VertxInternals.channel(connection);
                channel.complete(netty);
                if (netty != null) {
                    VertxInternals.consolidateFlushes(netty);
                }
                socket.writeFrame(VertxInternals.frame(WebSocketFrameType.TEXT, shared.slice(0, 5), false));
                socket.writeFrame(VertxInternals.frame(WebSocketFrameType.CONTINUATION, shared.slice(5, shared.readableBytes() - 5), true));
            });
        }).listen(0, "127.0.0.1"));
        CompletableFuture<String> received = new CompletableFuture<>();

        TestSockets.connect(vertx.createWebSocketClient(), server.actualPort(), received::complete);

        assertThat(channel.get(10, TimeUnit.SECONDS)).as("this Vert.x no longer gives a server connection's Netty"
                + " channel through HttpServerConnection: see VertxInternals").isNotNull();
        assertThat(channel.get().pipeline().first()).as("flushes consolidated")
                .isInstanceOf(io.netty.handler.flush.FlushConsolidationHandler.class);
        assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo("{\"type\":\"update\"}");
        assertThat(shared.refCnt()).as("the frames wrapped the bytes and left them to us").isEqualTo(1);
    }

    @Test
    void noOtherClassImportsVertxInternals() throws Exception {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("..").toAbsolutePath().normalize())) { // every module's
            sources = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toString().contains("src" + java.io.File.separator + "main")).toList();
        }
        assertThat(sources).as("the services' sources were found").anyMatch(file -> file.endsWith("VertxInternals.java"))
                .anyMatch(file -> file.endsWith("Communique.java"));
        List<String> offenders = sources.stream()
                .filter(file -> !file.getFileName().toString().equals("VertxInternals.java"))
                .filter(VertxInternalsTest::importsVertxInternals)
                .map(Path::toString).toList();
        assertThat(offenders).as("classes importing io.vertx.*.impl or io.vertx.core.internal: use VertxInternals").isEmpty();
    }

    private static boolean importsVertxInternals(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.anyMatch(line -> line.startsWith("import io.vertx.")
                    && (line.contains(".impl.") || line.contains(".internal.")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
