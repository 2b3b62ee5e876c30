package io.communique.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The whole bench in a tiny configuration, the app in a process of its own as in a real run: a smoke test of every
 * phase, not a timing assertion.
 */
class BenchTest {
    private static final Pattern FIGURE = Pattern.compile("^(\\S+) (\\d+(?:\\.\\d+)?) (\\S+)$", Pattern.MULTILINE);

    @Test
    void aTinyRunPrintsATableAndEveryFigureAsOneLineWithAPositiveValueAndItsUnit() throws Exception {
        Sizes tiny = new Sizes(0.5, 3000, 60, 5, 20, 4, 3000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Bench(tiny, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run();
        String printed = out.toString(StandardCharsets.UTF_8);

        Map<String, String> units = new HashMap<>();
        Matcher line = FIGURE.matcher(printed);
        while (line.find()) {
            assertThat(Double.parseDouble(line.group(2))).as(line.group()).isPositive();
            units.put(line.group(1), line.group(3));
        }
        assertThat(units).containsOnly(
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
