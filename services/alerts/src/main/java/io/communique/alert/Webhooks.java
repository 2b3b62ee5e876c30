package io.communique.alert;

import io.communique.model.net.FetchException;
import io.communique.model.net.FetchOptions;
import io.communique.model.net.UrlGuard;
import io.communique.kafka.BadRecord;
import io.communique.model.Watch;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * POSTs alerts to webhooks: the URL passes the article fetcher's SSRF guard ({@link UrlGuard}) and the request goes
 * to the very address checked; redirects are not followed. The body is the alert JSON as on the topic, with the
 * CloudEvents attributes as {@code ce-*} headers (HTTP binary mode) and {@value #SIGNATURE} =
 * {@code sha256=<hex HMAC-SHA256 of the body under the watch's secret>}. Any 2xx is delivered; anything else is
 * retried with a doubling wait, and after the last retry {@link #deliver} throws {@link BadRecord} (the caller's
 * consumer loop dead-letters the alert). Blocking: call it from a consumer thread, never an event loop.
 */
final class Webhooks implements AutoCloseable {
    static final String SIGNATURE = "X-Communique-Signature";
    private final WebClient client;
    private final WebhookOptions options;

    Webhooks(Vertx vertx, WebhookOptions options) {
        this.options = options;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent(FetchOptions.USER_AGENT)
                .setFollowRedirects(false)
                .setConnectTimeout((int) Math.min(options.timeoutMs(), Integer.MAX_VALUE)));
    }

    /** Delivers one alert, retrying; throws {@link BadRecord} ({@code delivery-failed}) when it cannot. */
    void deliver(Watch.Webhook webhook, byte[] body, Map<String, String> cloudEventHeaders) {
        URI uri;
        try {
            uri = UrlGuard.parse(webhook.url());
        } catch (FetchException e) {
            throw new BadRecord(BadRecord.Kind.DELIVERY_FAILED, "webhook URL refused: " + e.getMessage());
        }
        String failure = null;
        for (int attempt = 0; attempt <= options.retries(); attempt++) {
            if (attempt > 0) {
                pause(options.firstBackoffMs() << Math.min(attempt - 1, 20));
            }
            try {
                int status = post(uri, UrlGuard.resolve(uri, options.allowPrivate()), body, cloudEventHeaders, webhook.secret());
                if (status >= 200 && status < 300) {
                    return;
                }
                failure = "HTTP " + status;
            } catch (FetchException e) {
                if (e.code() == FetchException.FORBIDDEN_URL) {
                    throw new BadRecord(BadRecord.Kind.DELIVERY_FAILED, "webhook URL refused: " + e.getMessage());
                }
                failure = e.getMessage();
            }
        }
        throw new BadRecord(BadRecord.Kind.DELIVERY_FAILED, "webhook " + uri.getScheme() + "://" + uri.getAuthority()
                + " failed " + (options.retries() + 1) + " time(s), last: " + failure);
    }

    private int post(URI uri, List<InetAddress> addresses, byte[] body, Map<String, String> cloudEventHeaders, String secret) {
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        SocketAddress checked = SocketAddress.inetSocketAddress(port, addresses.get(0).getHostAddress());
        HttpRequest<Buffer> request = client.requestAbs(HttpMethod.POST, checked, uri.toASCIIString())
                .timeout(options.timeoutMs())
                .putHeader("Content-Type", "application/json");
        cloudEventHeaders.forEach((name, value) -> {
            if (name.startsWith("ce_")) {
                request.putHeader("ce-" + name.substring(3), value);
            }
        });
        if (secret != null) {
            request.putHeader(SIGNATURE, signature(secret, body));
        }
        try {
            return request.sendBuffer(Buffer.buffer(body)).toCompletionStage().toCompletableFuture()
                    .get(options.timeoutMs() + 1000, TimeUnit.MILLISECONDS).statusCode();
        } catch (ExecutionException e) {
            throw new FetchException(FetchException.UNREACHABLE, String.valueOf(e.getCause().getMessage()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new FetchException(FetchException.UNREACHABLE, "no answer within " + options.timeoutMs() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e); // the loop is closing
        }
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of the body under the secret: what receivers recompute to verify. */
    static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
