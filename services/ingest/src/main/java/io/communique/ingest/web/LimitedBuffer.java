package io.communique.ingest.web;

import io.communique.model.net.FetchException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** Collects a response body up to a size limit; a write past it fails, which aborts the download. */
final class LimitedBuffer implements WriteStream<Buffer> {
    private final long maxBytes;
    private final Buffer buffer = Buffer.buffer();

    LimitedBuffer(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    Buffer buffer() {
        return buffer;
    }

    @Override
    public Future<Void> write(Buffer data) {
        if (buffer.length() + (long) data.length() > maxBytes) {
            return Future.failedFuture(new FetchException(FetchException.UNREACHABLE,
                    "the response is larger than " + maxBytes + " bytes"));
        }
        buffer.appendBuffer(data);
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> end() {
        return Future.succeededFuture();
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return false;
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        return this;
    }
}
