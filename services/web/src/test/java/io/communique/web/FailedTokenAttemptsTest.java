package io.communique.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.communique.testing.TestHttp.get;
import static io.communique.testing.TestHttp.postEmpty;
import static io.communique.testing.TestHttp.request;
import static io.communique.testing.TestHttp.send;
import static io.communique.testing.TestHttp.withToken;
import static io.communique.web.ApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Guessing the API token on the real HTTP server: three failed attempts a minute per client address. */
class FailedTokenAttemptsTest {
    static final int FAILURES_PER_MINUTE = 3;
    @RegisterExtension
    static final ServedApi api = new ServedApi();
    int port;

    @BeforeEach
    void serve() throws Exception {
        port = api.serve(ApiTest.options(0, FAILURES_PER_MINUTE, ApiTest.HOSTS));
    }

    private HttpRequest.Builder write(String token) {
        return withToken(request(port, "/api/documents"), token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(""));
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
        assertProblem(postEmpty(port, "/api/admin/rebuild", ApiTest.TOKEN), 429, "too many failed token attempts");
        assertThat(get(port, "/api/countries").statusCode()).as("reads stay open").isEqualTo(200);
    }

    @Test
    void anotherClientAddressIsNotLockedOut() throws Exception {
        failAllowedAttempts();
        assertThat(send(write("guess-next")).statusCode()).isEqualTo(429);
        RawHttp.Response other = RawHttp.exchange(InetAddress.getByName("127.0.0.2"), port,
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
