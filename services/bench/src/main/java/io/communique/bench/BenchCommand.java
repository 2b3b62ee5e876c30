package io.communique.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code java -jar communique-bench.jar [--quick]}: measures the app on this machine against its own synthetic
 * workload. Its own jar, beside the app's: nothing of the bench is in the jar production runs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure extraction, Kafka reads, the projection live and rebuilt, end-to-end latency and "
                + "WebSocket fan-out on synthetic reports. Starts its own embedded broker in a temporary folder unless "
                + "KAFKA_BOOTSTRAP_SERVERS is set (the projection phase always runs on brokers of its own). Prints a "
                + "table, then one 'NAME VALUE UNIT' line per figure; progress goes to stderr.")
public final class BenchCommand implements Callable<Integer> {
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Option(names = "--quick", description = "Smaller sizes, same figures: finishes within 5 minutes on 2 cores.")
    boolean quick;

    @Option(names = "--only", split = ",", paramLabel = "PHASE",
            description = "Run only these phases (default all but soak): ${COMPLETION-CANDIDATES}.")
    Set<Phase> only = Phase.byDefault();

    @Override
    public Integer call() {
        try {
            new Bench(quick ? Sizes.QUICK : Sizes.FULL, System.getenv(), System.out, System.err).run(only);
            return 0;
        } catch (Exception e) {
            System.err.println("communique bench: failed: " + e.getMessage());
            return 1;
        }
    }
}
