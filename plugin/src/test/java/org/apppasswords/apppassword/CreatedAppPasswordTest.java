package org.apppasswords.apppassword;

import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import org.apppasswords.auth.LoginFixture;
import org.junit.jupiter.api.Test;

class CreatedAppPasswordTest {
    @Test
    void toStringShouldNotLeakTheTokenOrItsHash() throws Exception {
        CreatedAppPassword created = LoginFixture.create().appPasswordService.create(ALICE, "Thunderbird");
        String token = created.password().reveal();

        assertThat(created.toString())
            .doesNotContain(token)
            .doesNotContain(created.password().revealForDisplay())
            .doesNotContain(token.substring(8, 34))
            .doesNotContain(token.substring(8, 16))
            .doesNotContain(created.entry().encodedHash())
            .contains("[REDACTED]")
            .contains(created.entry().id().asString())
            .contains("Thunderbird");
    }
}
