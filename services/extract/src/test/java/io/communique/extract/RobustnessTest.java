package io.communique.extract;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input never throws nor invents facts, and ends: the time bound only guards against runaway matching (a
 * hang), it is no speed target — extraction speed is measured by the bench ({@code extract.throughput}). Times are
 * CPU times of the test thread, so that a busy shared machine does not make the test flaky.
 */
class RobustnessTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void emptyNoiseAndHtmlGiveNoFacts() {
        Random random = new Random(42);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            noise.append((char) random.nextInt(0xFFFF));
        }
        assertThat(Facts.of("", null)).isEmpty();
        assertThat(Facts.of(noise.toString(), null)).isEmpty();
        assertThat(Facts.of("<html><body><p class=\"x\">" + "<div>".repeat(5_000) + "</p></body></html>", null)).isEmpty();
    }

    @Test
    void hugeTextWithoutPunctuationRunsInBoundedTime() {
        String text = "会谈访问签署出席峰会同与会见".repeat(15_000); // 195 000 characters, no sentence end

        long start = THREADS.getCurrentThreadCpuTime();
        assertThat(Facts.of(text, "2024-01-01")).isEmpty();
        long millis = (THREADS.getCurrentThreadCpuTime() - start) / 1_000_000;

        assertThat(millis).isLessThan(10_000);
    }

    @Test
    void manyBracketedDaysRunInBoundedTime() {
        String text = "They met today (2) and on Monday (3). ".repeat(2_000) + "It was January."; // 76 000 characters, 4 000 dates

        long start = THREADS.getCurrentThreadCpuTime();
        Facts.of(text, null);
        long millis = (THREADS.getCurrentThreadCpuTime() - start) / 1_000_000;

        assertThat(millis).isLessThan(10_000);
    }
}
