package io.communique.web;

import io.communique.model.Fact;
import io.communique.model.FactQuery;
import io.communique.model.FactRows;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * {@code GET /api/export/facts?format=jsonl|csv&country=&type=&topic=&since=&until=}: every matching fact, streamed
 * a page at a time. The next page is read only once the client has taken the previous one (the response's write queue
 * has drained), so an export of any size holds about one page in memory; the pages are encoded (and gzipped when the
 * client accepts gzip) on a worker thread. The {@value #CURSOR_HEADER} header names where the fact store stood when
 * the export began: the updates feed from that cursor brings a copy made from the export exactly up to date.
 */
final class FactExport implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(FactExport.class);
    static final String CURSOR_HEADER = "Communique-Cursor";
    /**
     * Facts per page, some 100 KB of JSON: Vert.x lets a few such writes queue before the response counts as full (a
     * queue of messages, not of bytes), so with the socket's buffers an export holds at most a few MB however slow
     * its client.
     */
    static final int PAGE = 100;

    private final FactSource source;
    private final WorkerExecutor workers;

    FactExport(FactSource source, WorkerExecutor workers) {
        this.source = source;
        this.workers = workers;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String format = ctx.queryParams().get("format");
        FactRows rows = FactRows.named(format == null ? "jsonl" : format);
        if (rows == null) {
            Problems.send(ctx, 400, "format must be jsonl or csv, not '" + Problems.abbreviate(format) + "'");
            return;
        }
        FactQuery query = FactFilters.of(ctx);
        if (query == null) {
            return;
        }
        boolean gzip = acceptsGzip(ctx.request().getHeader("Accept-Encoding"));
        HttpServerResponse response = ctx.response()
                .setChunked(true)
                .putHeader("Content-Type", rows.mediaType())
                .putHeader("Content-Disposition", "attachment; filename=\"communique-facts." + rows.extension() + "\"")
                .putHeader("Vary", "Accept-Encoding")
                .putHeader(CURSOR_HEADER, source.cursor().toString());
        if (gzip) {
            response.putHeader("Content-Encoding", "gzip");
        }
        new Stream(response, query, new Encoder(rows, gzip)).next(null);
    }

    /** One export under way. */
    private final class Stream {
        private final HttpServerResponse response;
        private final FactQuery query;
        private final Encoder encoder;

        Stream(HttpServerResponse response, FactQuery query, Encoder encoder) {
            this.response = response;
            this.query = query;
            this.encoder = encoder;
        }

        void next(Fact after) {
            if (response.closed()) {
                return; // the client went away: nothing more is read
            }
            source.facts(query, after, PAGE)
                    .compose(page -> workers.executeBlocking(() -> encoder.encode(page.facts(), page.resumeAfter() == null), false)
                            .onSuccess(bytes -> write(bytes, page.resumeAfter())))
                    .onFailure(error -> {
                        LOG.warn("Export failed after it began; the connection is reset: {}", error.toString());
                        response.reset();
                    });
        }

        private void write(byte[] bytes, Fact resumeAfter) {
            if (response.closed()) {
                return;
            }
            if (bytes.length > 0) {
                response.write(Buffer.buffer(bytes));
            }
            if (resumeAfter == null) {
                response.end();
            } else if (response.writeQueueFull()) {
                response.drainHandler(v -> next(resumeAfter));
            } else {
                next(resumeAfter);
            }
        }
    }

    /** Pages of facts to the response's bytes; used by one thread at a time, in turn. */
    private static final class Encoder {
        private final FactRows rows;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
        private final OutputStream out;
        private boolean started;

        Encoder(FactRows rows, boolean gzip) {
            this.rows = rows;
            try {
                this.out = gzip ? new GZIPOutputStream(buffer, 64 * 1024, true) : buffer;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The page's rows (after the header, first time), flushed; with {@code last}, the end of the stream too. */
        byte[] encode(List<Fact> facts, boolean last) throws IOException {
            if (!started) {
                out.write(rows.header().getBytes(StandardCharsets.UTF_8));
                started = true;
            }
            StringBuilder text = new StringBuilder(facts.size() * 1024);
            for (Fact fact : facts) {
                rows.append(fact, text);
            }
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            if (last && out instanceof GZIPOutputStream gzip) {
                gzip.finish();
            } else {
                out.flush();
            }
            byte[] bytes = buffer.toByteArray();
            buffer.reset();
            return bytes;
        }
    }

    /** Whether an {@code Accept-Encoding} header accepts gzip (named, or {@code *}, without {@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = coding.trim().split(";");
            String name = parts[0].trim();
            if (!name.equals("gzip") && !name.equals("x-gzip") && !name.equals("*")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].replace(" ", "");
                refused |= parameter.matches("q=0(\\.0{0,3})?");
            }
            return !refused;
        }
        return false;
    }
}
