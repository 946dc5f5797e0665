package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * TOTP codes from {@code oathtool} (Debian package {@code oathtool}, installed by
 * {@code scripts/ensure-oathtool}, which {@code scripts/test-all} runs): an RFC 6238
 * implementation independent of ours, so an enrolment confirmed with its code proves that the
 * secret we hand out is what authenticator apps understand.
 */
final class Oathtool {
    private Oathtool() {
    }

    /** The current 6-digit SHA1 code of a base32 secret, as {@code oathtool --totp -b SECRET} prints it. */
    static String currentCode(String base32Secret) throws IOException, InterruptedException {
        return run("oathtool", "--totp", "-b", base32Secret);
    }

    /** The code of the next 30-second step (still inside the server's one-step window). */
    static String nextCode(String base32Secret) throws IOException, InterruptedException {
        long inThirtySeconds = System.currentTimeMillis() / 1000 + 30;
        return run("oathtool", "--totp", "-b", "--now=@" + inThirtySeconds, base32Secret);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("oathtool is not installed: run scripts/ensure-oathtool (scripts/test-all does)", e);
        }
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("oathtool finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(process.exitValue()).as("oathtool exit code").isZero();
        assertThat(output).matches("\\d{6}");
        return output;
    }
}
