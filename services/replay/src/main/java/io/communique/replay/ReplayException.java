package io.communique.replay;

/** A failure the user can act on: its message is printed as one line on stderr and the command exits with the code. */
final class ReplayException extends RuntimeException {
    private final int exitCode;

    ReplayException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
