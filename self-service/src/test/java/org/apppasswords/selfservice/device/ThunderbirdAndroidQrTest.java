package org.apppasswords.selfservice.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.configuration.ClientSettings;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Thunderbird's "Export for Mobile" format, version 1 (thunderbird-android, feature/migration/qrcode/qr-code-format.md). */
class ThunderbirdAndroidQrTest {
    private static final Username ALICE = Username.of("alice@example.com");

    @Test
    void payloadShouldFollowTheFormatsExampleWithThePassword() throws Exception {
        ClientSettings clients = DeviceFixtures.clients("clients.imap=imap.example.com:993:tls", "clients.smtp=smtp.example.com:587:starttls");
        AppPassword password = DeviceFixtures.newPassword();

        String payload = ThunderbirdAndroidQr.payload(clients, ALICE, "Phone", password);

        assertThat(payload).isEqualTo("[1,[1,1],[0,\"imap.example.com\",993,3,1,\"alice@example.com\",\"Phone\",\"" + password.reveal() + "\"],"
            + "[[[0,\"smtp.example.com\",587,2,1,\"alice@example.com\",\"" + password.reveal() + "\"],[\"alice@example.com\",\"alice\"]]]]");
    }

    @Test
    void aLabelWithQuotesShouldStayOneJsonString() throws Exception {
        ClientSettings clients = DeviceFixtures.clients("clients.imap=imap.example.com:993:tls", "clients.smtp=smtp.example.com:465:tls");

        JsonNode payload = new ObjectMapper().readTree(ThunderbirdAndroidQr.payload(clients, ALICE, "A \"quoted\", label]", DeviceFixtures.newPassword()));

        assertThat(payload.get(2).get(6).textValue()).isEqualTo("A \"quoted\", label]");
        assertThat(payload.size()).isEqualTo(4);
        assertThat(payload.get(3).get(0).get(0).get(3).intValue()).as("TLS").isEqualTo(3);
    }
}
