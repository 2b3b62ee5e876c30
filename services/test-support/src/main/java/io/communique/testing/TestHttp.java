package io.communique.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.Json;
import io.vertx.core.Handler;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What tests of the HTTP edge do on a real server on the loopback address: build a request, add the API token, send
 * it, read its body as text, bytes or JSON; post a report; find a free port; open a WebSocket.
 */
public final class TestHttp {
    /** One HTTP/1.1 client for the tests that need nothing special of theirs: connections fail within 5 s. */
    public static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** How long one request may take before it fails rather than hangs the build. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private TestHttp() {
    }

    /** {@code http://127.0.0.1:port/path}. */
    public static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A request (GET unless the caller says otherwise) to a server on the loopback address, bounded in time. */
    public static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(uri(port, path)).timeout(REQUEST_TIMEOUT);
    }

    /** The request with the API token as a bearer token; no token (null), no header, as an anonymous client. */
    public static HttpRequest.Builder withToken(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /** Sends the request with {@link #CLIENT}; the body as text. */
    public static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the request with {@link #CLIENT}; the body as bytes. */
    public static HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET, whatever it answers. */
    public static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return send(request(port, path).GET());
    }

    /** A GET that must answer 200; its body. */
    public static String getOk(int port, String path) throws IOException, InterruptedException {
        return expect(200, get(port, path)).body();
    }

    /** A GET that must answer 200; its body as JSON. */
    public static JsonNode getJson(int port, String path) throws IOException, InterruptedException {
        return json(getOk(port, path));
    }

    /** A POST of {@code body} as {@code contentType} (null: no such header), with the token (null: none). */
    public static HttpResponse<String> post(int port, String path, String token, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = withToken(request(port, path), token)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(contentType == null ? request : request.header("Content-Type", contentType));
    }

    /** A POST with no body and the token, as the admin endpoints take it. */
    public static HttpResponse<String> postEmpty(int port, String path, String token)
            throws IOException, InterruptedException {
        return send(withToken(request(port, path), token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * Posts a report as plain text to {@code POST /api/documents}, as a user with the token would; asserts the 202
     * and returns the reply ({@code {"documentId": …, "facts": [ids]}}).
     */
    public static JsonNode postReport(int port, String token, String report) throws IOException, InterruptedException {
        return json(expect(202, post(port, "/api/documents", token, "text/plain; charset=utf-8", report)).body());
    }

    /** The response, when it has this status; fails naming the status and the body otherwise. */
    public static <T> HttpResponse<T> expect(int status, HttpResponse<T> response) {
        if (response.statusCode() != status) {
            Object body = response.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : response.body();
            throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ", not " + status + ": " + body);
        }
        return response;
    }

    /** The text as JSON; fails naming the text when it is none. */
    public static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** A loopback port that was free a moment ago (the socket that found it is closed again). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens a WebSocket to {@code path} of a server on the loopback address, {@code onText} set before connecting so
     * that not even the first message can arrive unheard. A loaded machine, or Vert.x 5's client on a first
     * connection, may fail a handshake, so a failed one is tried again, for up to 60 s.
     */
    public static WebSocket webSocket(WebSocketClient client, int port, String path, Handler<String> onText) {
        return Awaitility.await("a WebSocket to " + path).atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> client.webSocket().textMessageHandler(onText).connect(port, "127.0.0.1", path)
                        .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS), socket -> socket != null);
    }
}
