package io.communique.bench;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The soak in a tiny configuration: a real broker, the web in a child JVM, real HTTP, a restart. A smoke test of the
 * phase, not a timing assertion: every figure is printed, positive, with its unit.
 */
class SoakBenchTest {
    @Test
    void aTinySoakMeasuresTheWebsMemoryLatencyAndRestart() throws Exception {
        String printed = TinyBench.run(TinyBench.sizes(2), EnumSet.of(Phase.soak));

        assertThat(TinyBench.units(printed, "soak\\S*")).containsOnly(
                entry("soak.catchup", "facts/s"),
                entry("soak.facts.p99", "ms"),
                entry("soak.document.p99", "ms"),
                entry("soak.heap", "MB"),
                entry("soak.rss", "MB"),
                entry("soak.restart", "s"),
                entry("soak.restarted.heap", "MB"),
                entry("soak.restarted.rss", "MB"));
    }
}
