package org.apppasswords.webadmin;

import java.util.Optional;

import org.apppasswords.totp.TotpEnrolment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A user's second factor as admins see it: whether TOTP is on, since when (ISO-8601 UTC, null when
 * off) and how many recovery codes are left. Never the seed nor a recovery code or its hash.
 */
@JsonPropertyOrder({"totpEnabled", "enabledAt", "recoveryCodesLeft"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public final class SecondFactorDto {
    private final boolean totpEnabled;
    private final String enabledAt;
    private final int recoveryCodesLeft;

    private SecondFactorDto(boolean totpEnabled, String enabledAt, int recoveryCodesLeft) {
        this.totpEnabled = totpEnabled;
        this.enabledAt = enabledAt;
        this.recoveryCodesLeft = recoveryCodesLeft;
    }

    public static SecondFactorDto from(Optional<TotpEnrolment> enrolment) {
        return enrolment
            .map(enabled -> new SecondFactorDto(true, enabled.enabledAt().toString(), enabled.recoveryCodeHashes().size()))
            .orElseGet(() -> new SecondFactorDto(false, null, 0));
    }

    @JsonProperty("totpEnabled")
    public boolean isTotpEnabled() {
        return totpEnabled;
    }

    public String getEnabledAt() {
        return enabledAt;
    }

    public int getRecoveryCodesLeft() {
        return recoveryCodesLeft;
    }
}
