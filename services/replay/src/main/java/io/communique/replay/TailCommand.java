package io.communique.replay;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code tail --topic T}: {@code replay --from latest --follow}, the new records of a topic as they arrive. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Prints the new records of a topic as JSON lines as they arrive, until Ctrl-C: "
                + "'replay --from latest --follow' (see 'replay --help' for the output)."})
public final class TailCommand implements Callable<Integer> {

    @Mixin
    ReplayOptions options;

    @Spec
    CommandSpec spec;

    private final Replay replay = new Replay();

    @Override
    public Integer call() {
        return replay.execute(spec.name(), System.getenv(), options, "latest", true,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Ends the running command cleanly, as Ctrl-C does. */
    public void stop() {
        replay.stop();
    }
}
