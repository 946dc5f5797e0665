package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.apache.james.GuiceJamesServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conf/app-passwords.properties} is read when James starts, through the launcher: an
 * invalid value stops the start with a message naming the key and not repeating the value.
 * (A missing file means defaults: every other end-to-end class starts that way.)
 */
class LauncherConfigurationTest {
    @TempDir
    Path workingDirectory;

    @Test
    void invalidValueShouldStopTheStartNamingTheKeyButNotTheValue() throws Exception {
        String failure = startFailureWith("appPasswords.maxPerUser=zero-Sentinel\n");

        assertThat(failure).contains("appPasswords.maxPerUser").doesNotContain("zero-Sentinel");
    }

    @Test
    void unknownKeyShouldStopTheStart() throws Exception {
        assertThat(startFailureWith("secondfactor.required=true\n")).contains("Unknown key 'secondfactor.required'");
    }

    @Test
    void secondFactorRequiredShouldAcceptOnlyBooleans() throws Exception {
        assertThat(startFailureWith("secondFactor.required=yes\n")).contains("secondFactor.required");
    }

    /** The stack trace of the failed start, as the operator reads it in James's log. */
    private String startFailureWith(String properties) throws Exception {
        JamesConfDirectory.create(workingDirectory, properties);
        GuiceJamesServer server = JamesWithAppPasswords.build(workingDirectory, List.of());
        try {
            Throwable failure = catchThrowable(server::start);
            assertThat(failure).as("the start should fail").isNotNull();
            StringWriter stackTrace = new StringWriter();
            failure.printStackTrace(new PrintWriter(stackTrace));
            return stackTrace.toString();
        } finally {
            server.stop();
        }
    }
}
