package io.communique.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards writes and admin actions: a bearer token compared in constant time (401 otherwise), then a per-client
 * rate limit (429 with Retry-After). A client whose failed attempts used up its own limit gets 429 whatever token it
 * sends, so the token cannot be guessed at the speed of the network. Reads never pass through here and stay public.
 */
final class WriteGuard implements Handler<RoutingContext> {
    private static final String BEARER = "Bearer ";
    private final byte[] token;
    private final RateLimiter limiter;
    private final RateLimiter failures;

    /** @param failures charged one request per failed token attempt */
    WriteGuard(String token, RateLimiter limiter, RateLimiter failures) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("an API token is required");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.limiter = limiter;
        this.failures = failures;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String client = ClientAddress.of(ctx.request());
        long lockedOut = failures.secondsUntilFree(client);
        if (lockedOut > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(lockedOut));
            Problems.send(ctx, 429, "too many failed token attempts from this client: retry in " + lockedOut + " s");
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        byte[] presented = header != null && header.startsWith(BEARER)
                ? header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(presented, token)) {
            failures.charge(client);
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"communique\"");
            Problems.send(ctx, 401, header == null
                    ? "writes need 'Authorization: Bearer <API token>' (see docs/operations.md, Security)"
                    : "the API token is not valid");
            return;
        }
        long wait = limiter.secondsToWait(client);
        if (wait > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(wait));
            Problems.send(ctx, 429, "too many writes from this client: retry in " + wait + " s");
            return;
        }
        ctx.next();
    }
}
