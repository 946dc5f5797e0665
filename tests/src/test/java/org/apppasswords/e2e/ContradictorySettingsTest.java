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
 * Keys that would weaken a promise together are refused at start, naming both (DESIGN, operator
 * contract): {@code secondFactor.required=true} promises that nobody logs in without a second
 * factor, and {@code appPasswords.requireSecondFactor=false} lets a user without TOTP mint app
 * passwords, which log in without one. James is started through the launcher, as
 * {@link LauncherConfigurationTest} does.
 */
class ContradictorySettingsTest {
    @TempDir
    Path workingDirectory;

    @Test
    void secondFactorRequiredWithAppPasswordsNotRequiringItShouldStopTheStartNamingBothKeys() throws Exception {
        String failure = startFailureWith("secondFactor.required=true\nappPasswords.requireSecondFactor=false\n");

        assertThat(failure).contains("secondFactor.required").contains("appPasswords.requireSecondFactor");
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
