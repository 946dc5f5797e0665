package org.apppasswords.bench;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

import org.apppasswords.totp.Totp;
import org.apppasswords.totp.TotpSecret;

/**
 * Users with TOTP on, for {@code primary$CODE} logins: a code is accepted once per user and step
 * (and only for a step later than the user's last), so each login takes the next user that still
 * has a usable step, the current one or the next (the server's window is T-1..T+1; T-1 is
 * avoided so that a step boundary between client and server cannot refuse a right code).
 */
final class CodeUsers {
    private final String prefix;
    private final String primaryPassword;
    private final byte[] key;
    private final AtomicLongArray lastStep;
    private final AtomicIntegerArray inFlight;
    private final AtomicInteger cursor = new AtomicInteger();

    CodeUsers(String prefix, int count, String primaryPassword, TotpSecret secret) {
        this.prefix = prefix;
        this.primaryPassword = primaryPassword;
        this.key = secret.revealBytes();
        this.lastStep = new AtomicLongArray(count);
        this.inFlight = new AtomicIntegerArray(count);
        for (int i = 0; i < count; i++) {
            lastStep.set(i, Long.MIN_VALUE);
        }
    }

    /**
     * Logs in the next user that has a usable step, with {@code primary$CODE}; returns null when
     * every user has spent the current and next steps. A user is never in two logins at once: the
     * server would refuse the earlier step arriving after the later one, as a replay.
     */
    Boolean login(Login login) throws Exception {
        return login(login, 0);
    }

    /**
     * {@link #login} with the code of the step before the current one, which the server still
     * accepts: a first login that leaves the current and next steps to the measured ones.
     */
    Boolean prime(Login login) throws Exception {
        // Such a code is refused from the next step on: none is sent in the last second of a step.
        long stepSeconds = Totp.STEP.getSeconds();
        if (Instant.now().getEpochSecond() % stepSeconds >= stepSeconds - 1) {
            Thread.sleep(1_500);
        }
        return login(login, -1);
    }

    private Boolean login(Login login, int fromStep) throws Exception {
        String[] next = next(fromStep);
        if (next == null) {
            return null;
        }
        try {
            return login.run(next[1], next[2]);
        } finally {
            inFlight.set(Integer.parseInt(next[0]), 0);
        }
    }

    interface Login {
        boolean run(String user, String password) throws Exception;
    }

    /** {index, user, primary$CODE} with a step from {@code now + fromStep} on, or null. */
    private String[] next(int fromStep) {
        long now = Totp.timeStep(Instant.now());
        int count = lastStep.length();
        for (int tries = 0; tries < count; tries++) {
            int index = Math.floorMod(cursor.getAndIncrement(), count);
            long last = lastStep.get(index);
            long step = Math.max(last + 1, now + fromStep);
            if (step > now + 1 || !inFlight.compareAndSet(index, 0, 1)) {
                continue;
            }
            if (lastStep.compareAndSet(index, last, step)) {
                return new String[] {Integer.toString(index), BenchServerMain.userName(prefix, index),
                    primaryPassword + "$" + Totp.code(key, step, 6, Totp.Algorithm.SHA1)};
            }
            inFlight.set(index, 0);
        }
        return null;
    }
}
