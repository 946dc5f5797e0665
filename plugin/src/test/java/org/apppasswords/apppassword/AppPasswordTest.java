package org.apppasswords.apppassword;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class AppPasswordTest {
    private final AppPassword password = new AppPasswordGenerator(new SecureRandom()).generate();

    @Test
    void toStringShouldNotContainTheSecret() {
        String secretPart = password.reveal().substring(8, 34);

        assertThat(password.toString())
            .doesNotContain(password.reveal())
            .doesNotContain(password.revealForDisplay())
            .doesNotContain(secretPart)
            .doesNotContain(secretPart.substring(0, 8))
            .contains("[REDACTED]");
    }

    @Test
    void toStringShouldShowThePublicId() {
        assertThat(password.toString()).contains(password.id().asString());
    }

    @Test
    void toStringShouldNotContainAnyGroupOfTheDisplayFormAfterTheFirst() {
        String[] groups = password.revealForDisplay().split("-");
        for (int i = 2; i < groups.length; i++) {
            assertThat(password.toString()).doesNotContain(groups[i]);
        }
    }
}
