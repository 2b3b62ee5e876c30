package io.communique.replay;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code replay --topic T [--from …] [--to …] [--type …] [--country …] [--follow]}: a topic as JSON lines. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Prints the records of a topic as JSON lines on stdout, one object per record: topic, "
                + "partition, offset, timestamp, key, headers, value (embedded when it is JSON, else a string).",
                "Ends at the end of the topic as it stood at the start, unless --follow; before reading, prints on "
                        + "stderr the offset it starts from on each partition; at the end, how many records it printed."})
public final class ReplayCommand implements Callable<Integer> {

    @Mixin
    ReplayOptions options;

    @Option(names = "--from", defaultValue = "earliest", paramLabel = "earliest|latest|OFFSET|ISO-TIME",
            description = "where to start on each partition: the first record, the end, an offset, or the first "
                    + "record stamped at or after a time (" + IsoTimes.EXAMPLES + "; without offset: UTC). "
                    + "Default: ${DEFAULT-VALUE}")
    String from;

    @Option(names = "--follow", description = "keep printing new records until Ctrl-C")
    boolean follow;

    @Spec
    CommandSpec spec;

    private final Replay replay = new Replay();

    @Override
    public Integer call() {
        return replay.execute(spec.name(), System.getenv(), options, from, follow,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Ends the running command cleanly, as Ctrl-C does. */
    public void stop() {
        replay.stop();
    }
}
