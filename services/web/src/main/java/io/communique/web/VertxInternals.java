package io.communique.web;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;

/**
 * The one place that uses Vert.x internals ({@code io.vertx.core.http.impl}), for what its public API does not offer
 * the fan-out: a frame over bytes we hold (so every client's frames share one copy of a message, see
 * {@link LiveClients}), and a server connection's Netty channel (to consolidate its flushes, and to cut it when a
 * dropped client's close frame cannot get through). Written against Vert.x 5.0.x; {@code VertxInternalsTest} fails
 * loudly when an upgrade changes either. Nothing else may import Vert.x internals ({@code
 * VertxInternalsTest#noOtherClassImportsVertxInternals}).
 */
final class VertxInternals {
    private VertxInternals() {
    }

    /** The Netty channel under a server connection; null when this Vert.x does not expose it this way. */
    static Channel channel(HttpConnection connection) {
        return connection instanceof HttpServerConnection server ? server.channelHandlerContext().channel() : null;
    }

    /**
     * Makes everything written to the channel while the event loop runs one task go out in one flush, instead of a
     * flush (a system call) per frame.
     */
    static void consolidateFlushes(Channel channel) {
        channel.pipeline().addFirst(new FlushConsolidationHandler(
                FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
    }

    /** A frame that wraps the bytes as they are (never copies them); Netty neither changes nor frees them. */
    static WebSocketFrame frame(WebSocketFrameType type, ByteBuf data, boolean last) {
        return new WebSocketFrameImpl(type, data, last);
    }
}
