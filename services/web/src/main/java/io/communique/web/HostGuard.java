package io.communique.web;

import io.vertx.core.Handler;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Serves only requests addressed to one of our own host names (the Host header, its port ignored), WebSocket upgrades
 * included; any other is a 421. Against DNS rebinding: a page of another site whose name is made to resolve to
 * 127.0.0.1 reaches this server as "same origin", but its requests still carry that site's name as Host.
 */
final class HostGuard implements Handler<RoutingContext> {
    /** In the allowlist, any host: for a server behind a proxy that checks Host itself. */
    static final String ANY = "*";

    private final Set<String> allowed;
    private final boolean any;

    /** @param allowedHosts host names and addresses ({@code [::1]} with or without brackets), or {@link #ANY} */
    HostGuard(Set<String> allowedHosts) {
        this.any = allowedHosts.contains(ANY);
        this.allowed = allowedHosts.stream().map(HostGuard::normalise).collect(Collectors.toUnmodifiableSet());
    }

    /** Lower case, IPv6 without brackets, no trailing dot of a fully qualified name: the forms one host is sent as. */
    static String normalise(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HostAndPort authority = ctx.request().authority();
        if (any || authority != null && allowed.contains(normalise(authority.host()))) {
            ctx.next(); // untouched response: a WebSocket's 101 must carry no headers set here
            return;
        }
        Problems.send(ctx, 421, authority == null ? "the request names no host"
                : "this server does not answer for host '" + Problems.abbreviate(authority.host()) + "' (see ALLOWED_HOSTS)");
    }
}
