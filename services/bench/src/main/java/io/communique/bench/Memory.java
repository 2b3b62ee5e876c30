package io.communique.bench;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code rss.peak}: the peak resident memory of this process from Linux's VmHWM. The bench resets the peak before
 * it starts the app, so the figure is the app's (with the broker and the WebSocket clients, all in this process),
 * not the bench's own preparation. A {@link Breakdown} says what the peak was made of.
 */
final class Memory {
    private static final Path STATUS = Path.of("/proc/self/status");
    /** Writing "5" resets VmHWM to the current resident size (Linux 4.0+). */
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final double MIB = 1024 * 1024;

    private Memory() {
    }

    /**
     * Starts a new peak from the current resident size and says so, with the peak so far; where the kernel does not
     * allow the reset, says that the figure then includes what the bench did before.
     */
    static void resetPeak(PrintStream progress) throws IOException {
        double before = statusMiB("VmHWM:");
        System.gc(); // what the bench itself held is garbage now: give it back before the app runs
        try {
            Files.writeString(CLEAR_REFS, "5");
            progress.printf("memory: peak resident so far %.0f MB (the bench's own work); now measuring the app's%n",
                    before);
        } catch (IOException e) {
            progress.printf("memory: cannot reset the peak (%s): rss.peak includes what the bench did before the app%n", e.getMessage());
        }
    }

    /**
     * Says how much of the heap is live: after a full collection, what is still in use is what the app holds, the
     * rest of the committed heap is room the collector took to collect less often.
     */
    static void liveHeap(PrintStream progress) {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        progress.printf("memory: after a full collection at the end of the test: %.0f MB of the heap live, %.0f MB committed "
                + "(maximum %.0f MB)%n", heap.getUsed() / MIB, heap.getCommitted() / MIB, heap.getMax() / MIB);
    }

    static Figure peak() throws IOException {
        return new Figure("rss.peak", statusMiB("VmHWM:"), "MB", "< 1024",
                "peak resident memory while the app ran (MiB, process incl. broker and clients)");
    }

    private static double statusMiB(String field) throws IOException {
        if (!Files.isReadable(STATUS)) {
            throw new IllegalStateException("rss.peak needs Linux's " + STATUS);
        }
        String line = Files.readAllLines(STATUS).stream().filter(l -> l.startsWith(field)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + field + " in " + STATUS));
        return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024;
    }

    /** What the process held when it was largest: resident size, Java heap, direct buffers. */
    private record Sample(double residentMiB, double heapCommittedMiB, double heapUsedMiB, double directMiB,
                          double nettyDirectMiB) {
        static Sample now() throws IOException {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            double direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                    .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
            // Netty's pooled allocator (Vert.x's too) takes its direct memory without a JDK buffer pool knowing.
            double netty = ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider
                    ? provider.metric().usedDirectMemory() : 0;
            return new Sample(statusMiB("VmRSS:"), heap.getCommitted() / MIB, heap.getUsed() / MIB, direct / MIB,
                    netty / MIB);
        }
    }

    /**
     * Samples the process five times a second while the app runs and, when closed, prints what its largest sample
     * was made of — so that a resident peak over the budget says whether the Java heap or direct buffers grew.
     */
    static final class Breakdown implements AutoCloseable {
        private static final long EVERY_MS = 200;

        private final PrintStream progress;
        private final Thread sampler;
        private volatile boolean running = true;
        private volatile Sample largest;

        Breakdown(PrintStream progress) {
            this.progress = progress;
            this.sampler = new Thread(this::sample, "communique-bench-memory");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample() {
            try {
                while (running) {
                    Sample sample = Sample.now();
                    if (largest == null || sample.residentMiB() > largest.residentMiB()) {
                        largest = sample;
                    }
                    Thread.sleep(EVERY_MS);
                }
            } catch (IOException e) {
                progress.println("memory: cannot sample the process: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            sampler.join();
            Sample peak = largest;
            if (peak != null) {
                double direct = peak.directMiB() + peak.nettyDirectMiB();
                progress.printf("memory: largest sample %.0f MB resident = Java heap %.0f MB committed (%.0f MB in use) + "
                                + "direct memory %.0f MB (%.0f MB of it Netty's pool) + %.0f MB other (JIT code, "
                                + "metaspace, thread stacks, GC structures, the broker's mapped files)%n",
                        peak.residentMiB(), peak.heapCommittedMiB(), peak.heapUsedMiB(), direct, peak.nettyDirectMiB(),
                        Math.max(0, peak.residentMiB() - peak.heapCommittedMiB() - direct));
            }
        }
    }
}
