package io.communique.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code rss.peak} and {@code rss.clients}: peak resident memory from Linux's VmHWM, of the app's process and of the
 * bench's own (its WebSocket clients, the reference Kafka clients and, unless a cluster is configured, the broker).
 * The bench resets its own peak before the clients connect, so that its preparation is not counted.
 */
final class Memory {
    /** Writing "5" resets VmHWM to the current resident size (Linux 4.0+). */
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final double MIB = 1024;

    private Memory() {
    }

    /**
     * Starts a new peak of this process from its current resident size and says so, with the peak so far; where the
     * kernel does not allow the reset, says that the figure then includes what the bench did before.
     */
    static void resetPeak(PrintStream progress) throws IOException {
        double before = peakMiB("self");
        System.gc(); // what the bench itself held is garbage now: give it back before the clients run
        try {
            Files.writeString(CLEAR_REFS, "5");
            progress.printf("memory: the bench's peak resident so far %.0f MB (its own preparation); now measuring%n", before);
        } catch (IOException e) {
            progress.printf("memory: cannot reset the peak (%s): rss.clients includes what the bench did before%n",
                    e.getMessage());
        }
    }

    /** The app's process: its whole life, start-up included. */
    static Figure app(long pid) throws IOException {
        return new Figure("rss.peak", peakMiB(Long.toString(pid)), "MB", "< 1024",
                "peak resident memory of the app's process (MiB; its JVM alone, the broker and clients apart)");
    }

    static Figure clients(boolean withBroker) throws IOException {
        return new Figure("rss.clients", peakMiB("self"), "MB", "", "peak resident memory of the bench's process "
                + "while the clients ran (MiB; WebSocket and Kafka clients" + (withBroker ? ", embedded broker)" : ")"));
    }

    /** VmHWM of /proc/{process}/status, in MiB. */
    private static double peakMiB(String process) throws IOException {
        Path status = Path.of("/proc", process, "status");
        if (!Files.isReadable(status)) {
            throw new IllegalStateException("resident memory needs Linux's " + status);
        }
        String line = Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no VmHWM in " + status));
        return Double.parseDouble(line.replaceAll("[^0-9]", "")) / MIB;
    }
}
