package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves the leak detector is wired into logging at every level, so that its silence in the
 * end-to-end classes means something. (Each test class runs in a JVM of its own.)
 */
class SecretLeakDetectorTest {
    private static final Logger LOGGER = LoggerFactory.getLogger("org.apache.james.imapserver.canary");

    @Test
    void detectorShouldSeeARegisteredSecretLoggedAtDebugLevel() {
        SecretLeakDetector.register("canary-secret-7f3k");

        LOGGER.debug("a careless line with {}", "canary-secret-7f3k");

        assertThat(SecretLeakDetector.leaks()).contains("DEBUG org.apache.james.imapserver.canary");
    }

    @Test
    void detectorShouldSeeASecretInAnExceptionMessage() {
        SecretLeakDetector.register("canary-secret-9q2m");

        LOGGER.trace("failure", new IllegalStateException("wrapped", new IllegalArgumentException("bad canary-secret-9q2m")));

        assertThat(SecretLeakDetector.leaks()).contains("TRACE org.apache.james.imapserver.canary");
    }

    @Test
    void detectorShouldSeeASecretLoggedWhileItWasBeingMinted() {
        SecretLeakDetector.whileMinting(() -> {
            LOGGER.info("minted canary-secret-4hv8 and logged it");
            return "canary-secret-4hv8";
        }, List::of);

        assertThat(SecretLeakDetector.leaks()).contains("INFO org.apache.james.imapserver.canary");
    }

    @Test
    void detectorShouldIgnoreCaseAndSeeBase64OnTheWire() {
        Protocol.rememberSent("", "canary@demo.local", "canary-secret-2x6w");
        LoggerFactory.getLogger("org.apache.james.smtpserver.canary")
            .warn("AUTH PLAIN {}", Base64.getEncoder().encodeToString("\0canary@demo.local\0canary-secret-2x6w".getBytes(StandardCharsets.UTF_8)));
        LoggerFactory.getLogger("org.apache.james.pop3server.canary").warn("PASS CANARY-SECRET-2X6W");

        assertThat(SecretLeakDetector.leaks())
            .contains("WARN org.apache.james.smtpserver.canary", "WARN org.apache.james.pop3server.canary");
    }
}
