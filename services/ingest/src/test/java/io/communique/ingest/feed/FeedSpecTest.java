package io.communique.ingest.feed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedSpecTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFileAndTheVariableWithOptionalIntervalsEachUrlOnce() throws Exception {
        Path file = dir.resolve("feeds.txt");
        Files.writeString(file, """
                # world news
                https://news.example/world.xml 90
                https://news.example/asia.atom 5m   # slower

                """);
        List<FeedSpec> feeds = FeedSpec.configured(file,
                "https://other.example/rss 500ms, https://news.example/world.xml 1h", 600_000);
        assertThat(feeds).containsExactly(
                new FeedSpec("https://news.example/world.xml", 90_000),
                new FeedSpec("https://news.example/asia.atom", 300_000),
                new FeedSpec("https://other.example/rss", 500));
        assertThat(FeedSpec.configured(dir.resolve("absent.txt"), null, 1000)).isEmpty();
    }

    @Test
    void aBadEntrySaysWhereItIs() throws Exception {
        Path file = dir.resolve("feeds.txt");
        Files.writeString(file, "https://a.example/rss\nhttps://b.example/rss every-hour\n");
        assertThatThrownBy(() -> FeedSpec.configured(file, null, 1000))
                .hasMessageContaining("line 2").hasMessageContaining("every-hour");
        assertThatThrownBy(() -> FeedSpec.configured(dir.resolve("absent.txt"), "https://c.example/rss 0", 1000))
                .hasMessageContaining("FEEDS");
    }

    @Test
    void failedPollsBackOffExponentiallyUpToAnHour() {
        FeedSpec feed = new FeedSpec("https://a.example/rss", 60_000);
        assertThat(List.of(feed.nextDelayMs(0), feed.nextDelayMs(1), feed.nextDelayMs(2), feed.nextDelayMs(5),
                feed.nextDelayMs(500)))
                .containsExactly(60_000L, 120_000L, 240_000L, 1_920_000L, 3_600_000L);
        assertThat(new FeedSpec("https://slow.example/rss", 7_200_000).nextDelayMs(3)).isEqualTo(7_200_000);
    }
}
