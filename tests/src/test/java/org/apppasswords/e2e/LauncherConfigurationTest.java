package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    @Test
    void invalidValueShouldStopTheStartNamingTheKey(@TempDir Path workingDirectory) throws Exception {
        JamesConfDirectory.create(workingDirectory, "appPasswords.maxPerUser=zero-Sentinel\n");
        GuiceJamesServer server = JamesWithAppPasswords.build(workingDirectory, List.of());

        try {
            assertThatThrownBy(server::start)
                .hasStackTraceContaining("appPasswords.maxPerUser")
                .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain("zero-Sentinel"));
        } finally {
            server.stop();
        }
    }

    @Test
    void unknownKeyShouldStopTheStart(@TempDir Path workingDirectory) throws Exception {
        JamesConfDirectory.create(workingDirectory, "secondfactor.required=true\n");
        GuiceJamesServer server = JamesWithAppPasswords.build(workingDirectory, List.of());

        try {
            assertThatThrownBy(server::start)
                .hasStackTraceContaining("Unknown key 'secondfactor.required'");
        } finally {
            server.stop();
        }
    }

    @Test
    void secondFactorRequiredShouldAcceptOnlyBooleans(@TempDir Path workingDirectory) throws Exception {
        JamesConfDirectory.create(workingDirectory, "secondFactor.required=yes\n");
        GuiceJamesServer server = JamesWithAppPasswords.build(workingDirectory, List.of());

        try {
            assertThatThrownBy(server::start)
                .hasStackTraceContaining("secondFactor.required");
        } finally {
            server.stop();
        }
    }

    private static String stackTraceOf(Throwable throwable) {
        StringWriter writer = new StringWriter();
        throwable.printStackTrace(new PrintWriter(writer));
        return writer.toString();
    }
}
