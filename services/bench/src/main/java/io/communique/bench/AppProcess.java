package io.communique.bench;

import io.communique.app.Main;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app in a JVM of its own, started as production starts it ({@code io.communique.app.Main serve}, from the
 * bench's class path, which holds the app's jar): the bench's clients and broker stay in the bench's process, so the
 * app's resident memory and CPU are its own. Its output goes to a log file.
 */
final class AppProcess implements AutoCloseable {
    /** The line the app prints once it serves, with the port it bound (HTTP_PORT=0: any free one). */
    private static final Pattern RUNNING = Pattern.compile("open http://[^/]+:(\\d+)/");
    private static final long START_TIMEOUT_S = 180;
    private static final int LAST_LINES = 20;

    private final Process process;
    private final int port;

    private AppProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the app with these variables added to the bench's environment; returns once it serves. */
    static AppProcess start(Map<String, String> env, Path log, PrintStream progress) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve")).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread output = new Thread(() -> follow(process, log, port), "communique-bench-app-output");
        output.setDaemon(true);
        output.start();
        try {
            int bound = port.get(START_TIMEOUT_S, TimeUnit.SECONDS);
            progress.printf("e2e: the app runs in process %d on port %d (its output: %s)%n", process.pid(), bound, log);
            return new AppProcess(process, bound);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the app did not start: " + e.getMessage(), e);
        }
    }

    /** Copies the app's output to the log, completing {@code port} when the app says it serves, or failing it if it exits first. */
    private static void follow(Process process, Path log, CompletableFuture<Integer> port) {
        Deque<String> last = new ArrayDeque<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.write(line);
                out.write('\n');
                Matcher running = RUNNING.matcher(line);
                if (!port.isDone() && running.find()) {
                    port.complete(Integer.parseInt(running.group(1)));
                    out.flush();
                }
                last.addLast(line);
                if (last.size() > LAST_LINES) {
                    last.removeFirst();
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("it exited; its last lines:\n" + String.join("\n", last)));
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Stops the app as a shutdown would (SIGTERM, so it closes cleanly), forcibly if it takes too long. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
