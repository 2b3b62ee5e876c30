package io.communique.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real HTTP server answers only for its own host names (ApiTest's: the loopback names and news.example): what a
 * page of another site sends once its name resolves to this server (DNS rebinding) is refused, WebSockets included.
 */
class HostAllowlistTest {
    static Vertx vertx;
    static HttpServer server;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        server = ApiTest.serve(vertx, new LiveState(), ApiTest.options(0));
        port = server.actualPort();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @Test
    void aRequestNamingAnotherHostIsA421ProblemOnEveryRoute() throws Exception {
        for (String path : List.of("/api/countries", "/api/health", "/api/nowhere", "/", "/index.html")) {
            for (String host : List.of("rebind.example", "rebind.example:" + port, "127.0.0.1.rebind.example")) {
                RawHttp.Response response = RawHttp.get(port, host, path);
                assertThat(response.status()).as(host + path).isEqualTo(421);
                assertThat(RawHttp.isProblem(response)).as(host + path).isTrue();
                assertThat(response.body()).contains("\"status\":421").contains("does not answer for host");
            }
        }
    }

    @Test
    void aWriteNamingAnotherHostIsRefusedBeforeItsTokenIsLookedAt() throws Exception {
        RawHttp.Response response = RawHttp.exchange(port, "POST /api/documents HTTP/1.1\r\nHost: rebind.example\r\n"
                + "Authorization: Bearer " + ApiTest.TOKEN + "\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\nhi");
        assertThat(response.status()).isEqualTo(421);
        assertThat(RawHttp.isProblem(response)).isTrue();
    }

    @Test
    void theLoopbackNamesAndTheConfiguredNamesAreServedWhateverThePortOrCase() throws Exception {
        for (String host : List.of("localhost", "localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port,
                "LOCALHOST:1", "news.example", "News.Example.:443")) {
            RawHttp.Response response = RawHttp.get(port, host, "/api/countries");
            assertThat(response.status()).as(host + ": " + response.body()).isEqualTo(200);
        }
    }

    @Test
    void aRequestNamingNoHostIsA421Problem() throws Exception {
        RawHttp.Response response = RawHttp.get(port, null, "/api/countries");
        assertThat(response.status()).isEqualTo(421);
        assertThat(response.body()).contains("names no host");
    }

    @Test
    void aWebSocketUpgradeFromAPageOfAnotherHostIsRefusedAndOneFromOursAccepted() throws Exception {
        // Its Origin is its own Host, so only the Host check can tell a rebound page from the dashboard.
        assertThat(RawHttp.upgrade(port, "rebind.example:" + port, "/ws").status()).isEqualTo(421);
        assertThat(RawHttp.upgrade(port, "rebind.example:" + port, "/ws/replay?from=2017-01-01&to=2017-12-31")
                .status()).isEqualTo(421);
        assertThat(RawHttp.upgrade(port, "127.0.0.1:" + port, "/ws").status()).isEqualTo(101);
        assertThat(RawHttp.upgrade(port, "localhost:" + port, "/ws/replay?from=2017-01-01&to=2017-12-31").status())
                .isEqualTo(101);
    }

    @Test
    void anAllowlistOfAnyHostServesEveryName() throws Exception {
        HttpServer open = ApiTest.serve(vertx, new LiveState(), ApiTest.options(0, Set.of(HostGuard.ANY)));
        try {
            assertThat(RawHttp.get(open.actualPort(), "rebind.example", "/api/countries").status()).isEqualTo(200);
        } finally {
            open.close();
        }
    }
}
