package io.communique.replay;

/** The exit codes of {@code replay} and {@code tail}, distinct so that scripts can tell the failures apart. */
final class ExitCodes {
    private ExitCodes() {
    }

    static final int OK = 0;
    /** A bad option value (--from, --to, --type, --country) or usage error; picocli uses 2 for usage errors too. */
    static final int BAD_ARGUMENT = 2;
    static final int NO_SUCH_TOPIC = 3;
    static final int KAFKA_UNREACHABLE = 4;
}
