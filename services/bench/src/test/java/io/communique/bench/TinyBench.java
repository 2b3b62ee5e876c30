package io.communique.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench in a tiny configuration, as its smoke tests run it (the app in a process of its own, real Kafka and
 * HTTP), and the figures it printed: every one a line of name, value and unit.
 */
final class TinyBench {
    private TinyBench() {
    }

    /** Sizes small enough for a test, with this many seconds of end-to-end load. */
    static Sizes sizes(int e2eSeconds) {
        return new Sizes(0.5, 3000, 60, 5, 20, e2eSeconds, 3000);
    }

    /** Runs these phases with {@code sizes}; what the bench printed. */
    static String run(Sizes sizes, Set<Phase> phases) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Bench(sizes, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(phases);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The unit of each figure printed whose name matches {@code names} (a line "name value unit"), asserting that its
     * value is positive.
     */
    static Map<String, String> units(String printed, String names) {
        Pattern figure = Pattern.compile("^(" + names + ") (\\d+(?:\\.\\d+)?) (\\S+)$", Pattern.MULTILINE);
        Map<String, String> units = new HashMap<>();
        Matcher line = figure.matcher(printed);
        while (line.find()) {
            assertThat(Double.parseDouble(line.group(2))).as(line.group()).isPositive();
            units.put(line.group(1), line.group(3));
        }
        return units;
    }
}
