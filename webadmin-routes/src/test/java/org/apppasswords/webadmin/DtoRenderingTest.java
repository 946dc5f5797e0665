package org.apppasswords.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.webadmin.utils.JsonTransformer;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.totp.TotpEnrolment;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.Test;

/** The answers' JSON as James's own {@link JsonTransformer} renders it: exact fields, ISO-8601 UTC, nothing secret. */
class DtoRenderingTest {
    static final String HASH = "$sha256$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g";
    static final Instant CREATED = Instant.parse("2024-03-01T12:00:00Z");
    static final TotpSecret SEED = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    final JsonTransformer json = new JsonTransformer();

    StoredAppPassword stored() {
        return StoredAppPassword.created(AppPasswordId.parse("qd3k7").get(), "Thunderbird", HASH, CREATED);
    }

    @Test
    void anAppPasswordNeverUsedShouldRenderANullLastUse() throws Exception {
        assertThat(json.render(AppPasswordDto.from(stored(), false, 0)))
            .isEqualTo("{\"id\":\"qd3k7\",\"label\":\"Thunderbird\",\"createdAt\":\"2024-03-01T12:00:00Z\",\"lastUsedAt\":null,\"lastUsedProtocol\":null,"
                + "\"lastUsedAddress\":null,\"protocols\":[\"imap\",\"pop3\",\"smtp\",\"jmap\",\"managesieve\"],\"expired\":false,\"liveConnections\":0}");
    }

    @Test
    void anAppPasswordUsedShouldRenderItsLastUseInIso8601() throws Exception {
        String rendered = json.render(AppPasswordDto.from(stored().usedAt(Instant.parse("2024-03-02T08:30:15.250Z")), false, 0));

        assertThat(rendered).contains("\"lastUsedAt\":\"2024-03-02T08:30:15.250Z\"");
    }

    @Test
    void anAppPasswordShouldRenderTheProtocolOfItsLastUseAndWhetherItExpired() throws Exception {
        String rendered = json.render(AppPasswordDto.from(
            stored().usedAt(Instant.parse("2024-03-02T08:30:15.250Z"), java.util.Optional.of("IMAP")), true, 2));

        assertThat(rendered).endsWith("\"lastUsedProtocol\":\"IMAP\",\"lastUsedAddress\":null,\"protocols\":[\"imap\",\"pop3\",\"smtp\",\"jmap\",\"managesieve\"],"
            + "\"expired\":true,\"liveConnections\":2}");
    }

    @Test
    void anAppPasswordShouldNotRenderAnyPartOfItsHash() throws Exception {
        String rendered = json.render(AppPasswordDto.from(stored(), false, 0));

        assertThat(rendered).doesNotContain("sha256").doesNotContain("c2FsdHNhbHRzYWx0").doesNotContain("aGFzaGhhc2hoYXNoaGFzaGhhc2g");
    }

    @Test
    void anEnabledSecondFactorShouldRenderWhenAndHowManyCodesAreLeft() throws Exception {
        TotpEnrolment enrolment = TotpEnrolment.enabled(SEED, CREATED, List.of("$sha256$a$b", "$sha256$c$d"));

        assertThat(json.render(SecondFactorDto.from(Optional.of(enrolment))))
            .isEqualTo("{\"totpEnabled\":true,\"enabledAt\":\"2024-03-01T12:00:00Z\",\"recoveryCodesLeft\":2}");
    }

    @Test
    void anEnabledSecondFactorShouldRenderNeitherTheSeedNorCodeHashes() throws Exception {
        TotpEnrolment enrolment = TotpEnrolment.enabled(SEED, CREATED, List.of("$sha256$saltsalt$codehash"));

        assertThat(json.render(SecondFactorDto.from(Optional.of(enrolment))))
            .doesNotContain("GEZDGNBV").doesNotContain("saltsalt").doesNotContain("codehash").doesNotContain("sha256");
    }

    @Test
    void noSecondFactorShouldRenderOffWithNullDateAndNoCodes() throws Exception {
        assertThat(json.render(SecondFactorDto.from(Optional.empty())))
            .isEqualTo("{\"totpEnabled\":false,\"enabledAt\":null,\"recoveryCodesLeft\":0}");
    }
}
