package org.apppasswords.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditLogTest {
    @Test
    void escapeShouldKeepOrdinaryNamesAndAddresses() {
        assertThat(AuditLog.escape("alice.smith+tag@example.com")).isEqualTo("alice.smith+tag@example.com");
        assertThat(AuditLog.escape("2001:db8::1")).isEqualTo("2001:db8::1");
    }

    @Test
    void escapeShouldEncodeSpacesAndLineBreaksSoANameCannotForgeAFieldOrALine() {
        assertThat(AuditLog.escape("bob address=10.0.0.1\napp-passwords-audit event=x"))
            .isEqualTo("bob%20address%3D10.0.0.1%0Aapp-passwords-audit%20event%3Dx");
    }

    @Test
    void escapeShouldEncodePercentSoEncodedValuesStayUnambiguous() {
        assertThat(AuditLog.escape("100%")).isEqualTo("100%25");
    }
}
