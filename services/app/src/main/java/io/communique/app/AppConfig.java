package io.communique.app;

import io.communique.alert.WebhookOptions;
import io.communique.ingest.Sources;
import io.communique.model.net.FetchOptions;
import io.communique.kafka.KafkaClientProperties;
import io.communique.kafka.KafkaDefaults;
import io.communique.model.CountryView;
import io.communique.web.LivePace;
import io.communique.web.ReadLimits;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything configurable, read from the environment; the defaults live here and nowhere else.
 *
 * @param kafkaBootstrapServers an external cluster, or null to run the embedded broker under {@code dataDir/kafka}
 * @param embeddedKafkaPort     the embedded broker's port; 0 picks a free one
 * @param kafkaClientProperties {@code KAFKA_CLIENT_PROPERTIES} (a file) and the other {@code KAFKA_*} variables, see
 *                              {@link KafkaClientProperties}
 * @param viewRecent            {@code VIEW_RECENT}: how many of the most recent facts each list of a view holds
 * @param allowedHosts          {@code ALLOWED_HOSTS}: the Host header names the web role answers (see {@link #allowedHosts})
 * @param webhooks              how alerts reach webhooks (see {@link Webhooks})
 * @param webStore              where the web role keeps facts and documents (see {@link WebStore})
 * @param livePace              {@code LIVE_INTERVAL_MS}, {@code LIVE_MAX_FACTS}: how often and how much dashboards are
 *                              told of new facts over the WebSocket (see {@link LivePace})
 * @param readLimits            {@code CONNECTIONS_PER_ADDRESS}, {@code WEBSOCKETS_PER_ADDRESS}, {@code MAX_REPLAYS},
 *                              {@code REPLAY_MAX_FACTS}, {@code IDLE_TIMEOUT_S}, {@code WS_IDLE_TIMEOUT_S}: what clients may hold of the web
 *                              role (see {@link ReadLimits}; 0 turns one off)
 */
public record AppConfig(
        String httpHost,
        int httpPort,
        Path dataDir,
        Path seedsDir,
        String kafkaBootstrapServers,
        int embeddedKafkaPort,
        long maxDocumentBytes,
        int maxClientQueueBytes,
        long ingestTimeoutMs,
        String apiToken,
        int writesPerMinute,
        int authFailuresPerMinute,
        Set<String> allowedOrigins,
        Set<String> allowedHosts,
        Map<String, String> kafkaClientProperties,
        LiveSources liveSources,
        Set<Role> roles,
        int viewRecent,
        Webhooks webhooks,
        WebStore webStore,
        LivePace livePace,
        ReadLimits readLimits) {

    /**
     * The web role's read store (see docs/operations.md, "The web's read store").
     *
     * @param inMemory  {@code WEB_STORE=memory}: keep facts and documents on the heap, read whole on each start
     *                  (small instances, throwaway runs); {@code disk}, the default: an H2 file
     * @param directory {@code WEB_STORE_DIR}: its folder; null for {@code DATA_DIR/web-store}
     * @param cacheMb   {@code WEB_STORE_CACHE_MB}: the page cache it keeps on the heap
     */
    public record WebStore(boolean inMemory, Path directory, int cacheMb) {
        /** The store's folder, or null when in memory. */
        public Path directory(Path dataDir) {
            return inMemory ? null : directory != null ? directory : dataDir.resolve("web-store");
        }
    }

    /**
     * Alert webhooks (see docs/operations.md, "Watches and alerts"); their URLs pass the article fetcher's guard, so
     * {@code ALLOW_PRIVATE_URLS} decides about loopback and private networks for them too.
     *
     * @param timeoutMs      {@code WEBHOOK_TIMEOUT_MS}: one POST must be answered within this
     * @param retries        {@code WEBHOOK_RETRIES}: attempts after the first, before the alert is dead-lettered
     * @param firstBackoffMs {@code WEBHOOK_BACKOFF_MS}: the wait before the first retry, doubled before each next one
     */
    public record Webhooks(long timeoutMs, int retries, long firstBackoffMs) {
        /** The alerting's options, with the live sources' private-network setting. */
        public WebhookOptions options(LiveSources liveSources) {
            return new WebhookOptions(timeoutMs, retries, firstBackoffMs, liveSources.allowPrivateUrls());
        }
    }

    /** What an instance does; any number of instances share the work through Kafka. */
    public enum Role {
        /** seeds, POST /api/documents behind the web role, live sources: extraction and publishing */
        INGEST,
        /** folding facts into views, split across instances by partition */
        PROJECTION,
        /** the API, the WebSocket and the dashboard, from the compacted view topics */
        WEB
    }

    /**
     * Feeds, article fetching, inbox and raw topic (see docs/operations.md, "Live sources").
     *
     * @param feeds            {@code FEEDS}: comma-separated {@code URL [interval]}, besides {@code DATA_DIR/feeds.txt}
     * @param allowPrivateUrls {@code ALLOW_PRIVATE_URLS}: also fetch from loopback and private networks
     */
    public record LiveSources(String feeds, long feedIntervalMs, boolean allowPrivateUrls, long fetchTimeoutMs,
                              long maxFetchBytes) {
        /** @param maxDocumentBytes the API's document limit, which inbox files are held to as well */
        Sources.Options options(Path dataDir, long maxDocumentBytes) {
            return new Sources.Options(dataDir, feeds, feedIntervalMs,
                    new FetchOptions(fetchTimeoutMs, maxFetchBytes, allowPrivateUrls), maxDocumentBytes);
        }
    }

    /** The loopback names, which a browser on the server's own machine uses: always served unless ALLOWED_HOSTS is set. */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    /** Listening on every interface names no host; a Host of 0.0.0.0 reaches loopback from browsers that allow it. */
    private static final Set<String> WILDCARD_ADDRESSES = Set.of("0.0.0.0", "::", "[::]");

    public static AppConfig fromEnv(Map<String, String> env) {
        String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        String httpHost = env.getOrDefault("HTTP_HOST", "127.0.0.1");
        return new AppConfig(
                httpHost,
                intValue(env, "HTTP_PORT", 8080),
                Path.of(env.getOrDefault("DATA_DIR", "./data")),
                Path.of(env.getOrDefault("SEEDS_DIR", "./seeds")),
                bootstrap == null || bootstrap.isBlank() ? null : bootstrap.trim(),
                intValue(env, "EMBEDDED_KAFKA_PORT", KafkaDefaults.EMBEDDED_PORT),
                intValue(env, "MAX_DOCUMENT_BYTES", 1024 * 1024),
                intValue(env, "MAX_CLIENT_QUEUE_BYTES", 4 * 1024 * 1024),
                intValue(env, "INGEST_TIMEOUT_MS", 30_000),
                blankToNull(env.get("API_TOKEN")),
                intValue(env, "WRITES_PER_MINUTE", 120),
                intValue(env, "AUTH_FAILURES_PER_MINUTE", 10),
                list(env.get("CORS_ORIGINS")),
                allowedHosts(env.get("ALLOWED_HOSTS"), httpHost),
                KafkaClientProperties.fromEnv(env),
                new LiveSources(blankToNull(env.get("FEEDS")), intValue(env, "FEED_INTERVAL_S", 900) * 1000L,
                        booleanValue(env, "ALLOW_PRIVATE_URLS"), intValue(env, "FETCH_TIMEOUT_MS", 15_000),
                        intValue(env, "MAX_FETCH_BYTES", 5 * 1024 * 1024)),
                roles(env.get("ROLES")),
                positive(env, "VIEW_RECENT", CountryView.RECENT),
                new Webhooks(positive(env, "WEBHOOK_TIMEOUT_MS", 5000), notNegative(env, "WEBHOOK_RETRIES", 3),
                        notNegative(env, "WEBHOOK_BACKOFF_MS", 1000)),
                new WebStore(webStoreInMemory(env.get("WEB_STORE")), blankToNull(env.get("WEB_STORE_DIR")) == null
                        ? null : Path.of(env.get("WEB_STORE_DIR").trim()), positive(env, "WEB_STORE_CACHE_MB", 32)),
                new LivePace(positive(env, "LIVE_INTERVAL_MS", (int) LivePace.DEFAULT.intervalMs()),
                        positive(env, "LIVE_MAX_FACTS", LivePace.DEFAULT.maxFacts())),
                new ReadLimits(notNegative(env, "CONNECTIONS_PER_ADDRESS", ReadLimits.DEFAULT.connectionsPerAddress()),
                        notNegative(env, "WEBSOCKETS_PER_ADDRESS", ReadLimits.DEFAULT.webSocketsPerAddress()),
                        notNegative(env, "MAX_REPLAYS", ReadLimits.DEFAULT.concurrentReplays()),
                        notNegative(env, "REPLAY_MAX_FACTS", ReadLimits.DEFAULT.replayMaxFacts()),
                        notNegative(env, "IDLE_TIMEOUT_S", ReadLimits.DEFAULT.idleTimeoutSeconds()),
                        notNegative(env, "WS_IDLE_TIMEOUT_S", ReadLimits.DEFAULT.webSocketIdleSeconds())));
    }

    /**
     * {@code ALLOWED_HOSTS=news.example,10.0.0.5}: the names the Host header may carry (port ignored; {@code *}: any);
     * unset or blank: the loopback names and {@code HTTP_HOST} unless that is a wildcard address.
     */
    static Set<String> allowedHosts(String value, String httpHost) {
        Set<String> given = list(value);
        if (!given.isEmpty()) {
            return given;
        }
        Set<String> hosts = new HashSet<>(LOOPBACK_HOSTS);
        if (!WILDCARD_ADDRESSES.contains(httpHost.trim())) {
            hosts.add(httpHost.trim());
        }
        return Set.copyOf(hosts);
    }

    /** {@code WEB_STORE=disk|memory}; unset or blank: disk. */
    static boolean webStoreInMemory(String value) {
        String mode = value == null || value.isBlank() ? "disk" : value.trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("disk") && !mode.equals("memory")) {
            throw new IllegalArgumentException("WEB_STORE takes disk or memory, not '" + value + "'");
        }
        return mode.equals("memory");
    }

    /** {@code ROLES=ingest,web}: the roles named; unset or blank: all of them. */
    static Set<Role> roles(String value) {
        Set<String> names = list(value);
        if (names.isEmpty()) {
            return EnumSet.allOf(Role.class);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ROLES takes ingest, projection and web, not '" + name + "'");
            }
        }
        return roles;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Set<String> list(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The same configuration with the API token set, as resolved at start-up. */
    public AppConfig withApiToken(String token) {
        return new AppConfig(httpHost, httpPort, dataDir, seedsDir, kafkaBootstrapServers, embeddedKafkaPort,
                maxDocumentBytes, maxClientQueueBytes, ingestTimeoutMs, token, writesPerMinute, authFailuresPerMinute,
                allowedOrigins, allowedHosts, kafkaClientProperties, liveSources, roles, viewRecent, webhooks, webStore, livePace,
                readLimits);
    }

    /** A copy for tests and tools: other ports and folders, all else as configured. */
    public AppConfig with(int httpPort, Path dataDir, Path seedsDir, String kafkaBootstrapServers, int embeddedKafkaPort) {
        return new AppConfig(httpHost, httpPort, dataDir, seedsDir, kafkaBootstrapServers, embeddedKafkaPort,
                maxDocumentBytes, maxClientQueueBytes, ingestTimeoutMs, apiToken, writesPerMinute, authFailuresPerMinute,
                allowedOrigins, allowedHosts, kafkaClientProperties, liveSources, roles, viewRecent, webhooks, webStore, livePace,
                readLimits);
    }

    private static boolean booleanValue(Map<String, String> env, String name) {
        String value = env.getOrDefault(name, "false").trim().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false") && !value.isEmpty()) {
            throw new IllegalArgumentException(name + " must be true or false, not '" + env.get(name) + "'");
        }
        return value.equals("true");
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
        int value = intValue(env, name, fallback);
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
        return value;
    }

    private static int notNegative(Map<String, String> env, String name, int fallback) {
        int value = intValue(env, name, fallback);
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, not " + value);
        }
        return value;
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
