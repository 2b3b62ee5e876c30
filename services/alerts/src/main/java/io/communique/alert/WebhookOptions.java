package io.communique.alert;

/**
 * How alerts are delivered to webhooks.
 *
 * @param timeoutMs      one POST (connect, request and answer) must finish within this
 * @param retries        attempts after the first before the alert is dead-lettered
 * @param firstBackoffMs the wait before the first retry, doubled before each next one
 * @param allowPrivate   also deliver to loopback and private-network addresses (intranet receivers, tests); the
 *                       article fetcher's {@code ALLOW_PRIVATE_URLS}. Link-local and wildcard addresses never.
 */
public record WebhookOptions(long timeoutMs, int retries, long firstBackoffMs, boolean allowPrivate) {
    public WebhookOptions {
        if (timeoutMs < 1 || retries < 0 || firstBackoffMs < 0) {
            throw new IllegalArgumentException("webhook timeout must be positive, retries and backoff not negative");
        }
    }
}
