package org.apppasswords.throttle;

/** The check of one primary-path attempt, as the {@link Throttle} runs it. */
public interface Check {
    /** What the check found. */
    enum Outcome {
        ACCEPTED,
        REFUSED,
        /** Refused, and the account is not one James knows: such failures stop being kept when the store is full. */
        REFUSED_UNKNOWN_ACCOUNT
    }

    /** Checks the presented secret. */
    Outcome run();

    /**
     * Does the work of {@link #run} without asking anything outside this JVM (no repository, no
     * directory bind), and changes nothing: what a locked-out attempt does, so that it costs what
     * any attempt costs and still teaches nothing.
     */
    void imitate();
}
