package io.communique.model.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The SSRF guard: a URL may be fetched only when it is http(s) and every address its host resolves to is public.
 * The fetcher then connects to exactly the address checked here (never resolving the name again), so a DNS answer
 * that changes between check and connect cannot smuggle in an internal address; redirects are checked hop by hop.
 */
public final class UrlGuard {
    private UrlGuard() {
    }

    /** Parses an absolute http(s) URL with a host; anything else is a {@link FetchException#FORBIDDEN_URL}. */
    public static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw forbidden("url is missing");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw forbidden("not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw forbidden("only http and https URLs can be fetched, not '" + abbreviate(url) + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw forbidden("the URL has no host: " + abbreviate(url));
        }
        if (uri.getRawUserInfo() != null) {
            throw forbidden("URLs with credentials are not fetched");
        }
        return uri;
    }

    /**
     * Resolves the host (blocking: call on a worker thread) and returns its addresses once all of them are allowed.
     *
     * @throws FetchException {@code FORBIDDEN_URL} when any address is internal, {@code UNREACHABLE} when unknown
     */
    public static List<InetAddress> resolve(URI uri, boolean allowPrivate) {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.UNREACHABLE, "unknown host " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            String why = forbiddenBecause(address, allowPrivate);
            if (why != null) {
                throw forbidden(uri.getHost() + " resolves to " + address.getHostAddress() + ", " + why);
            }
        }
        return List.of(addresses);
    }

    /** Why an address must not be contacted, or null when it may be. */
    static String forbiddenBecause(InetAddress address, boolean allowPrivate) {
        // Never useful for news and the classic SSRF targets (cloud metadata lives at 169.254.169.254).
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isMulticastAddress()
                || isBroadcastOrThisNetwork(address)) {
            return "a link-local, wildcard or multicast address";
        }
        if (allowPrivate) {
            return null;
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isSiteLocalAddress() || isUniqueLocal(address) || isCarrierGradeNat(address)) {
            return "a private-network address";
        }
        return null;
    }

    private static boolean isBroadcastOrThisNetwork(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address && (b[0] == 0 || (b[0] & b[1] & b[2] & b[3]) == (byte) 0xff);
    }

    /** fc00::/7, IPv6's private networks (Java only knows the deprecated fec0::/10 as site-local). */
    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10, shared address space that is internal to providers. */
    private static boolean isCarrierGradeNat(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    private static FetchException forbidden(String message) {
        return new FetchException(FetchException.FORBIDDEN_URL, message);
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
