package io.communique.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code rss.peak}: the peak resident memory of this process from Linux's VmHWM. The bench resets the peak before
 * it starts the app, so the figure is the app's (with the broker and the WebSocket clients, all in this process),
 * not the rebuild's, which holds the state of a million facts for a moment.
 */
final class Memory {
    private static final Path STATUS = Path.of("/proc/self/status");
    /** Writing "5" resets VmHWM to the current resident size (Linux 4.0+). */
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private Memory() {
    }

    /**
     * Starts a new peak from the current resident size and says so, with the peak so far; where the kernel does not
     * allow the reset, says that the figure then includes the rebuild.
     */
    static void resetPeak(PrintStream progress) throws IOException {
        double before = peakMiB();
        System.gc(); // what the bench itself held is garbage now: give it back before the app runs
        try {
            Files.writeString(CLEAR_REFS, "5");
            progress.printf("memory: peak resident so far %.0f MB (the rebuild holds the state of every fact); now measuring the app's%n",
                    before);
        } catch (IOException e) {
            progress.printf("memory: cannot reset the peak (%s): rss.peak includes the rebuild%n", e.getMessage());
        }
    }

    static Figure peak() throws IOException {
        return new Figure("rss.peak", peakMiB(), "MB", "< 1024",
                "peak resident memory while the app ran (MiB, process incl. broker and clients)");
    }

    private static double peakMiB() throws IOException {
        if (!Files.isReadable(STATUS)) {
            throw new IllegalStateException("rss.peak needs Linux's " + STATUS);
        }
        String line = Files.readAllLines(STATUS).stream().filter(l -> l.startsWith("VmHWM:")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no VmHWM in " + STATUS));
        return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024;
    }
}
