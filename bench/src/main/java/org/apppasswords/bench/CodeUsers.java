package org.apppasswords.bench;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final AtomicInteger cursor = new AtomicInteger();

    CodeUsers(String prefix, int count, String primaryPassword, TotpSecret secret) {
        this.prefix = prefix;
        this.primaryPassword = primaryPassword;
        this.key = secret.revealBytes();
        this.lastStep = new AtomicLongArray(count);
        for (int i = 0; i < count; i++) {
            lastStep.set(i, Long.MIN_VALUE);
        }
    }

    /** {user, primary$CODE}, or null when every user has spent the current and next steps. */
    String[] next() {
        long now = Totp.timeStep(Instant.now());
        int count = lastStep.length();
        for (int tries = 0; tries < count; tries++) {
            int index = Math.floorMod(cursor.getAndIncrement(), count);
            long last = lastStep.get(index);
            long step = Math.max(last + 1, now);
            if (step <= now + 1 && lastStep.compareAndSet(index, last, step)) {
                return new String[] {BenchServerMain.userName(prefix, index),
                    primaryPassword + "$" + Totp.code(key, step, 6, Totp.Algorithm.SHA1)};
            }
        }
        return null;
    }
}
