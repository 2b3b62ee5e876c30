package io.communique.app;

import io.communique.extract.ExtractCommand;
import io.communique.replay.ExportCommand;
import io.communique.replay.ReplayCommand;
import io.communique.replay.TailCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar communique.jar [serve|extract …]}: with no command it serves. */
@Command(name = "communique", mixinStandardHelpOptions = true, version = "Communiqué 0.1.0",
        description = "Diplomatic fact events from news reports, event-sourced on Apache Kafka.%n"
                + "With no command: serve the dashboard and API (see 'serve --help').",
        subcommands = {Main.Serve.class, ExtractCommand.class, ReplayCommand.class, TailCommand.class, ExportCommand.class,
                AdminCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        // JSON lines and CSV are UTF-8 whatever the platform's default charset (POSIX locales make it ASCII).
        System.exit(new CommandLine(new Main())
                .setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
                .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        return new Serve().call();
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Start the embedded Kafka broker (unless KAFKA_BOOTSTRAP_SERVERS is set), ingest seeds/, "
                    + "serve the API and the dashboard.",
            footer = {"%nConfiguration (environment):",
                    "  HTTP_HOST               interface to listen on (127.0.0.1)",
                    "  HTTP_PORT               API and dashboard port (8080)",
                    "  ALLOWED_HOSTS           Host header names served (localhost, 127.0.0.1, [::1], HTTP_HOST)",
                    "  DATA_DIR                where the embedded broker keeps its data (./data)",
                    "  SEEDS_DIR               reports ingested at start-up (./seeds)",
                    "  KAFKA_BOOTSTRAP_SERVERS an external Kafka cluster; unset: embedded broker",
                    "  EMBEDDED_KAFKA_PORT     the embedded broker's port (9092; 0 = any free port)",
                    "  MAX_DOCUMENT_BYTES      largest accepted report body (1048576)",
                    "  API_TOKEN               bearer token for writes (unset: generated into DATA_DIR/api-token)",
                    "  ROLES                   ingest,projection,web (all): what this instance runs",
                    "  KAFKA_CLIENT_PROPERTIES a properties file of Kafka client properties (TLS, SASL login)",
                    "  KAFKA_*                 any other Kafka client property, e.g. KAFKA_SECURITY_PROTOCOL=SSL",
                    "  FEEDS                   feeds to poll, besides DATA_DIR/feeds.txt",
                    "  ALLOW_PRIVATE_URLS      true: fetch from private networks too (false)",
                    "  (all variables: docs/operations.md, Configuration)"})
    static final class Serve implements Callable<Integer> {
        @Override
        public Integer call() throws InterruptedException {
            AppConfig config;
            Communique app;
            try {
                config = AppConfig.fromEnv(System.getenv());
                app = Communique.start(config);
            } catch (RuntimeException e) {
                System.err.println("communique: could not start: " + e.getMessage());
                return 1;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                stopped.countDown();
            }, "communique-shutdown"));
            if (app.httpPort() > 0) {
                System.out.printf("Communiqué is running: open http://%s:%d/  (Kafka: %s)%n",
                        config.httpHost(), app.httpPort(), app.bootstrapServers());
            } else {
                System.out.printf("Communiqué is running with roles %s (Kafka: %s)%n", config.roles(), app.bootstrapServers());
            }
            stopped.await();
            return 0;
        }
    }
}
