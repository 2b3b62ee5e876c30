package io.communique.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The whole bench in a tiny configuration, the app in a process of its own as in a real run: a smoke test of every
 * phase, not a timing assertion.
 */
class BenchTest {
    @Test
    void aTinyRunPrintsATableAndEveryFigureAsOneLineWithAPositiveValueAndItsUnit() throws Exception {
        String printed = TinyBench.run(TinyBench.sizes(4), Phase.byDefault());

        assertThat(TinyBench.units(printed, "\\S+")).containsOnly(
                entry("extract.throughput", "MB/s"),
                entry("kafka.consume", "records/s"),
                entry("live.throughput", "facts/s"),
                entry("rebuild.throughput", "facts/s"),
                entry("live.ratio", "ratio"),
                entry("rebuild.ratio", "ratio"),
                entry("e2e.p50", "ms"),
                entry("e2e.p99", "ms"),
                entry("kafka.e2e.p99", "ms"),
                entry("fanout.msgs", "msgs/s"),
                entry("update.p99", "ms"),
                entry("dashboard.bytes", "KB/s"),
                entry("rss.peak", "MB"),
                entry("rss.clients", "MB"));
        assertThat(printed.lines().findFirst()).hasValueSatisfying(header ->
                assertThat(header).contains("figure", "value", "unit", "goal"));
        assertThat(printed).contains("rebuilt into views by the projection").doesNotContain("stopped after");
        List.of("e2e.p99", "fanout.msgs").forEach(name -> assertThat(printed).contains(name));
    }
}
