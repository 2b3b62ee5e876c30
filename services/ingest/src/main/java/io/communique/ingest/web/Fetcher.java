package io.communique.ingest.web;

import io.communique.model.net.FetchException;
import io.communique.model.net.FetchOptions;
import io.communique.model.net.UrlGuard;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A polite, guarded HTTP GET for feeds and article pages: every hop (redirects included) passes {@link UrlGuard} and
 * connects to the very address that was checked; one request at a time per host across the whole app (a Vert.x
 * local lock per host name); bounded time and size; a User-Agent naming Communiqué.
 */
public final class Fetcher {
    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String HOST_LOCK = "communique.fetch.host.";

    private final Vertx vertx;
    private final FetchOptions options;
    private final WebClient client;

    public Fetcher(Vertx vertx, FetchOptions options) {
        this.vertx = vertx;
        this.options = options;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent(FetchOptions.USER_AGENT)
                .setFollowRedirects(false) // we follow them ourselves, checking every hop
                .setDecompressionSupported(true)
                .setConnectTimeout((int) Math.min(options.timeoutMs(), Integer.MAX_VALUE)));
    }

    /** A response we accept: 2xx, or 304 when the caller sent a conditional request. */
    public record Page(URI url, int status, String contentType, Buffer body, String etag, String lastModified) {
        public boolean notModified() {
            return status == 304;
        }

        public boolean isHtml() {
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            return type.startsWith("text/html") || type.startsWith("application/xhtml+xml");
        }

        /** The charset named in Content-Type, or null to let the parser detect it. */
        public String charset() {
            if (contentType == null) {
                return null;
            }
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    return p.substring("charset=".length()).replace("\"", "").trim();
                }
            }
            return null;
        }
    }

    /** GETs a URL with extra request headers (e.g. If-None-Match); fails with a {@link FetchException}. */
    public Future<Page> get(String url, Map<String, String> headers) {
        try {
            return hop(UrlGuard.parse(url), headers, 0);
        } catch (FetchException e) {
            return Future.failedFuture(e);
        }
    }

    /** Fetches an HTML page and extracts its main text (on a worker thread). */
    public Future<ArticleText.Article> article(String url) {
        return get(url, Map.of()).compose(page -> {
            if (!page.isHtml()) {
                return Future.failedFuture(new FetchException(FetchException.UNREACHABLE,
                        page.url() + " is not an HTML page (Content-Type " + page.contentType() + ")"));
            }
            return vertx.executeBlocking(() -> ArticleText.extract(page.body().getBytes(), page.charset(),
                    page.url().toString()), false);
        }).compose(article -> article.text().isBlank()
                ? Future.failedFuture(new FetchException(FetchException.UNREACHABLE, "no article text found at " + url))
                : Future.succeededFuture(article));
    }

    private Future<Page> hop(URI uri, Map<String, String> headers, int redirects) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return vertx.executeBlocking(() -> UrlGuard.resolve(uri, options.allowPrivate()), false)
                .compose(addresses -> vertx.sharedData().withLocalLock(HOST_LOCK + host, lockTimeoutMs(),
                        () -> exchange(uri, addresses, headers)))
                .compose(response -> {
                    int status = response.status();
                    String location = response.headers().get("Location");
                    if (REDIRECTS.contains(status) && location != null) {
                        if (redirects >= MAX_REDIRECTS) {
                            return unreachable("more than " + MAX_REDIRECTS + " redirects from " + uri);
                        }
                        URI next;
                        try {
                            next = UrlGuard.parse(uri.resolve(location.trim()).toString());
                        } catch (IllegalArgumentException e) {
                            return unreachable("bad redirect Location: " + location);
                        }
                        return hop(next, headers, redirects + 1);
                    }
                    if (status == 304 || (status >= 200 && status < 300)) {
                        MultiMap h = response.headers();
                        return Future.succeededFuture(new Page(uri, status, h.get("Content-Type"), response.body(),
                                h.get("ETag"), h.get("Last-Modified")));
                    }
                    return unreachable(uri + " answered HTTP " + status);
                });
    }

    private record Response(int status, MultiMap headers, Buffer body) {
    }

    /** One request to the checked address; the URL's host still names the site (Host header, TLS name check). */
    private Future<Response> exchange(URI uri, List<InetAddress> addresses, Map<String, String> headers) {
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        SocketAddress checked = SocketAddress.inetSocketAddress(port, addresses.get(0).getHostAddress());
        LimitedBuffer body = new LimitedBuffer(options.maxBytes());
        HttpRequest<Void> request = client.requestAbs(HttpMethod.GET, checked, uri.toASCIIString())
                .timeout(options.timeoutMs())
                .as(BodyCodec.pipe(body));
        headers.forEach(request::putHeader);
        return request.send()
                .timeout(options.timeoutMs(), TimeUnit.MILLISECONDS)
                .map(response -> new Response(response.statusCode(), response.headers(), body.buffer()))
                .recover(error -> unreachable(uri + " could not be fetched: " + describe(error)));
    }

    /** Waiting for our own earlier request to the same host is not the page's fault: allow a few exchanges' time. */
    private long lockTimeoutMs() {
        return 4 * options.timeoutMs();
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() instanceof FetchException ? error.getCause() : error;
        if (cause instanceof FetchException) {
            return cause.getMessage();
        }
        if (cause instanceof TimeoutException) {
            return "timed out";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static <T> Future<T> unreachable(String message) {
        return Future.failedFuture(new FetchException(FetchException.UNREACHABLE, message));
    }
}
