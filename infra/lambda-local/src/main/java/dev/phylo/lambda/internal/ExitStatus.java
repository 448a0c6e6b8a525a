package dev.phylo.lambda.internal;

/** How Lambda words a runtime process's exit status in its {@code Runtime.ExitError} messages. */
public final class ExitStatus {

    private static final int SIGNAL_BASE = 128;
    private static final int MAX_SIGNAL = 64;

    private ExitStatus() {}

    /** "exit status 3", or "signal: killed (exit code 137)" for a process ended by a signal (exit code 128 + n). */
    public static String describe(int code) {
        if (code > SIGNAL_BASE && code <= SIGNAL_BASE + MAX_SIGNAL) {
            int signal = code - SIGNAL_BASE;
            String name = switch (signal) {
                case 1 -> "hangup";
                case 2 -> "interrupt";
                case 4 -> "illegal instruction";
                case 6 -> "aborted";
                case 7 -> "bus error";
                case 8 -> "floating point exception";
                case 9 -> "killed";
                case 11 -> "segmentation fault";
                case 13 -> "broken pipe";
                case 15 -> "terminated";
                default -> "signal " + signal;
            };
            return "signal: " + name + " (exit code " + code + ")";
        }
        return "exit status " + code;
    }
}
