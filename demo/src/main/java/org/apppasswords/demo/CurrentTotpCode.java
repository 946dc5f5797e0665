package org.apppasswords.demo;

import java.time.Instant;
import java.util.Arrays;

import org.apppasswords.totp.Totp;
import org.apppasswords.totp.TotpSecret;

/**
 * For the demo only ({@code scripts/totp-code}): prints the current 6-digit SHA1 TOTP code of the
 * base32 secret given as the single argument, standing in for an authenticator app. It is not
 * part of the server: operators run {@code org.apppasswords.james.AppPasswordsMemoryJamesServerMain}.
 */
public final class CurrentTotpCode {
    private static final int DIGITS = 6;
    private static final int USAGE_EXIT_CODE = 2;

    private CurrentTotpCode() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            usage("expected exactly one argument");
        }
        TotpSecret secret = null;
        try {
            secret = TotpSecret.fromBase32(args[0]);
        } catch (IllegalArgumentException e) {
            // Safe to show: TotpSecret's messages never contain the input, which is a secret.
            usage(e.getMessage());
        }
        System.out.println(of(secret, Instant.now()));
    }

    /** The 6-digit SHA1 code of {@code secret} at {@code instant}. Secret. */
    static String of(TotpSecret secret, Instant instant) {
        byte[] key = secret.revealBytes();
        try {
            return Totp.code(key, Totp.timeStep(instant), DIGITS, Totp.Algorithm.SHA1);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static void usage(String problem) {
        System.err.println("usage: totp-code BASE32_SECRET (" + problem + ")");
        System.exit(USAGE_EXIT_CODE);
    }
}
