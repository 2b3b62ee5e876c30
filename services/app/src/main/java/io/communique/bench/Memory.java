package io.communique.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code rss.peak}: the peak resident memory of this process (app, broker and bench), from Linux's VmHWM. */
final class Memory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private Memory() {
    }

    static Figure peak() throws IOException {
        if (!Files.isReadable(STATUS)) {
            throw new IllegalStateException("rss.peak needs Linux's " + STATUS);
        }
        String line = Files.readAllLines(STATUS).stream().filter(l -> l.startsWith("VmHWM:")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no VmHWM in " + STATUS));
        double kiB = Double.parseDouble(line.replaceAll("[^0-9]", ""));
        return new Figure("rss.peak", kiB / 1024, "MB", "< 1024", "peak resident memory of the process (MiB)");
    }
}
