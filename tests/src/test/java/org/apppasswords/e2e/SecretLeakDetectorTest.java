package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
}
