package io.communique.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.communique.web.ApiTest.assertProblem;
import static io.communique.web.ApiTest.request;
import static io.communique.web.ApiTest.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Guessing the API token on the real HTTP server: three failed attempts a minute per client address. */
class FailedTokenAttemptsTest {
    static final int FAILURES_PER_MINUTE = 3;
    static Vertx vertx;
    HttpServer server;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    @BeforeEach
    void serve() throws Exception {
        server = ApiTest.serve(vertx, new LiveState(), ApiTest.options(0, FAILURES_PER_MINUTE, ApiTest.HOSTS));
    }

    @AfterEach
    void close() {
        server.close();
    }

    private HttpRequest.Builder write(String token) {
        return request(server, "/api/documents").header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(""));
    }

    private void failAllowedAttempts() throws Exception {
        for (int i = 0; i < FAILURES_PER_MINUTE; i++) {
            assertProblem(send(write("guess-" + i)), 401, "not valid");
        }
    }

    @Test
    void afterTheAllowedFailuresAClientGets429WithRetryAfterEvenWithTheRightToken() throws Exception {
        failAllowedAttempts();
        HttpResponse<String> next = send(write("guess-next"));
        assertProblem(next, 429, "too many failed token attempts");
        assertThat(next.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                seconds -> assertThat(seconds).isBetween(1L, 60L / FAILURES_PER_MINUTE));
        assertProblem(send(write(ApiTest.TOKEN)), 429, "too many failed token attempts");
        assertProblem(send(request(server, "/api/admin/rebuild").header("Authorization", "Bearer " + ApiTest.TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody())), 429, "too many failed token attempts");
        assertThat(send(request(server, "/api/countries")).statusCode()).as("reads stay open").isEqualTo(200);
    }

    @Test
    void anotherClientAddressIsNotLockedOut() throws Exception {
        failAllowedAttempts();
        assertThat(send(write("guess-next")).statusCode()).isEqualTo(429);
        RawHttp.Response other = RawHttp.exchange(InetAddress.getByName("127.0.0.2"), server.actualPort(),
                "POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer guess\r\n"
                        + "Content-Type: text/plain\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx");
        assertThat(other.status()).as(other.body()).isEqualTo(401);
    }

    @Test
    void writesWithTheRightTokenAreNeverCountedAsFailures() throws Exception {
        for (int i = 0; i < 2 * FAILURES_PER_MINUTE; i++) {
            assertProblem(send(write(ApiTest.TOKEN)), 400, "empty"); // past the guard: the body is what is wrong
        }
        assertProblem(send(write("guess")), 401, "not valid");
    }
}
