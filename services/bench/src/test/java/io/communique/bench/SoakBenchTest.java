package io.communique.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The soak in a tiny configuration: a real broker, the web in a child JVM, real HTTP, a restart. A smoke test of the
 * phase, not a timing assertion: every figure is printed, positive, with its unit.
 */
class SoakBenchTest {
    private static final Pattern FIGURE = Pattern.compile("^(soak\\S*) (\\d+(?:\\.\\d+)?) (\\S+)$", Pattern.MULTILINE);

    @Test
    void aTinySoakMeasuresTheWebsMemoryLatencyAndRestart() throws Exception {
        Sizes tiny = new Sizes(0.5, 3000, 60, 5, 20, 2, 3000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Bench(tiny, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run(EnumSet.of(Phase.soak));

        Map<String, String> units = new HashMap<>();
        Matcher line = FIGURE.matcher(out.toString(StandardCharsets.UTF_8));
        while (line.find()) {
            assertThat(Double.parseDouble(line.group(2))).as(line.group()).isPositive();
            units.put(line.group(1), line.group(3));
        }
        assertThat(units).containsOnly(
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
