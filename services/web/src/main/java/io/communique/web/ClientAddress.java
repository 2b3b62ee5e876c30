package io.communique.web;

import io.vertx.core.http.HttpServerRequest;

/** Who a client is to the per-client limits: the peer's IP address (behind a proxy, the proxy's). */
final class ClientAddress {
    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
