package io.communique.model.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/a", "javascript:alert(1)", "gopher://x/",
            "//example.org/no-scheme", "http:///no-host", "not a url", "http://user:pw@example.org/"})
    void rejectsAnythingButPlainHttpAndHttpsUrls(String url) {
        assertThatThrownBy(() -> UrlGuard.parse(url))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.code()).isEqualTo(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://localhost:8080/", "http://[::1]/", "http://10.1.2.3/",
            "http://172.16.0.1/", "http://192.168.1.1/", "http://100.64.0.1/", "http://169.254.169.254/latest/meta-data",
            "http://[fe80::1]/", "http://[fc00::1]/", "http://0.0.0.0/", "http://2130706433/", "http://127.1/",
            "http://[::ffff:127.0.0.1]/", "https://224.0.0.1/"})
    void rejectsLoopbackPrivateAndLinkLocalTargets(String url) {
        assertThatThrownBy(() -> UrlGuard.resolve(UrlGuard.parse(url), false))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.code()).isEqualTo(400));
    }

    @Test
    void allowingPrivateUrlsAdmitsLoopbackAndPrivateNetworksButNeverLinkLocalOrWildcard() {
        assertThat(UrlGuard.resolve(UrlGuard.parse("http://127.0.0.1:9/"), true)).isNotEmpty();
        assertThat(UrlGuard.resolve(UrlGuard.parse("http://10.0.0.7/"), true)).isNotEmpty();
        for (String url : new String[]{"http://169.254.169.254/", "http://[fe80::1]/", "http://0.0.0.0/"}) {
            assertThatThrownBy(() -> UrlGuard.resolve(UrlGuard.parse(url), true)).as(url)
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.code()).isEqualTo(400));
        }
    }

    @Test
    void admitsPublicAddresses() {
        assertThat(UrlGuard.resolve(UrlGuard.parse("https://93.184.216.34/news"), false)).hasSize(1);
        assertThat(UrlGuard.resolve(UrlGuard.parse("http://[2606:4700:4700::1111]/"), false)).hasSize(1);
    }
}
