package org.apppasswords.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.Username;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.Test;

class OtpAuthUriTest {
    private static final TotpSecret SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

    @Test
    void revealShouldFollowTheKeyUriFormat() {
        assertThat(OtpAuthUri.reveal("James", Username.of("alice@demo.local"), SECRET))
            .isEqualTo("otpauth://totp/James:alice%40demo.local?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=James"
                + "&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void revealShouldEncodeTheIssuerInTheLabelAndInTheParameter() {
        assertThat(OtpAuthUri.reveal("Example Mail & Co", Username.of("bob@example.org"), SECRET))
            .startsWith("otpauth://totp/Example%20Mail%20%26%20Co:bob%40example.org?")
            .contains("&issuer=Example%20Mail%20%26%20Co&");
    }

    @Test
    void percentEncodeShouldKeepOnlyUnreservedCharacters() {
        assertThat(OtpAuthUri.percentEncode("AZaz09-._~")).isEqualTo("AZaz09-._~");
    }

    @Test
    void percentEncodeShouldEncodeReservedCharactersAndSpacesAsPercentNotPlus() {
        assertThat(OtpAuthUri.percentEncode("a b+c:d/e?f#g&h=i%j@k")).isEqualTo("a%20b%2Bc%3Ad%2Fe%3Ff%23g%26h%3Di%25j%40k");
    }

    @Test
    void percentEncodeShouldEncodeEveryUtf8ByteOfNonAsciiCharacters() {
        assertThat(OtpAuthUri.percentEncode("Zürich")).isEqualTo("Z%C3%BCrich");
    }
}
