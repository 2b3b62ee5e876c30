package io.communique.bench;

import io.communique.extract.Extractor;
import io.communique.model.Document;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code extract.throughput}: MB (10^6 bytes of UTF-8) of Chinese reports one thread extracts per second of its own
 * CPU time, after a warm-up. CPU time, not wall time: the figure is per core, whatever else the machine runs.
 */
final class ExtractBench {
    private static final int REPORTS = 4000;

    private ExtractBench() {
    }

    static Figure run(double seconds, PrintStream progress) {
        Reports reports = new Reports(7);
        List<Document> chinese = new ArrayList<>(REPORTS);
        while (chinese.size() < REPORTS) {
            Document report = reports.next();
            if (report.language().equals("zh")) {
                chinese.add(report);
            }
        }
        int[] sizes = chinese.stream().mapToInt(report -> report.text().getBytes(StandardCharsets.UTF_8).length).toArray();
        Extractor extractor = new Extractor();
        progress.printf("extract: warming up for %.0f s%n", seconds);
        extract(extractor, chinese, sizes, seconds);
        progress.printf("extract: measuring for %.0f s on one thread%n", seconds);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long bytes = extract(extractor, chinese, sizes, seconds);
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        return new Figure("extract.throughput", bytes / 1e6 / cpuSeconds, "MB/s", ">= 1.0",
                "Chinese report text extracted per CPU second of one thread");
    }

    /** Extracts reports round-robin until the time is up; returns how many bytes of text it extracted. */
    private static long extract(Extractor extractor, List<Document> reports, int[] sizes, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long bytes = 0;
        long facts = 0;
        for (int i = 0; System.nanoTime() < deadline; i = (i + 1) % reports.size()) {
            facts += extractor.extract(reports.get(i)).size();
            bytes += sizes[i];
        }
        if (facts == 0) {
            throw new IllegalStateException("the extractor found no facts in the synthetic reports");
        }
        return bytes;
    }
}
