package org.apppasswords.configuration;

import static org.apppasswords.configuration.AppPasswordsConfigurationTest.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientSettingsTest {
    @Test
    void noKeyShouldMeanOff() throws Exception {
        assertThat(ClientSettings.from(properties("store=memory")).configured()).isFalse();
    }

    @Test
    void serversShouldBeReadWithTheirPortAndSecurity() throws Exception {
        ClientSettings settings = ClientSettings.from(properties("clients.imap=imap.example.com:993:tls",
            "clients.smtp=smtp.example.com:587:STARTTLS", "clients.managesieve=[2001:db8::25]:4190:starttls",
            "clients.jmap=https://mail.example.com/jmap/session"));

        assertThat(settings.configured()).isTrue();
        assertThat(settings.imap().get().host()).isEqualTo("imap.example.com");
        assertThat(settings.imap().get().port()).isEqualTo(993);
        assertThat(settings.imap().get().security()).isEqualTo(ClientSettings.Security.TLS);
        assertThat(settings.smtp().get().security()).isEqualTo(ClientSettings.Security.STARTTLS);
        assertThat(settings.manageSieve().get().host()).isEqualTo("[2001:db8::25]");
        assertThat(settings.pop3()).isEmpty();
        assertThat(settings.jmap().get().getHost()).isEqualTo("mail.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"in.example.net:993", "in.example.net:993:plain", "in.example.net:0:tls", "in.example.net:70000:tls",
        "-in.example.net:993:tls", "in example.net:993:tls", "in.example.net:99a:tls", "<b>:993:tls"})
    void aServerOtherwiseWrittenShouldStopTheStartNamingTheKey(String value) {
        assertThatThrownBy(() -> ClientSettings.from(properties("clients.imap=" + value, "clients.smtp=smtp.example.com:465:tls")))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("'clients.imap'")
            .hasMessageNotContaining(value);
    }

    @Test
    void imapAndSmtpShouldGoTogether() {
        assertThatThrownBy(() -> ClientSettings.from(properties("clients.imap=imap.example.com:993:tls")))
            .hasMessageContaining("'clients.smtp'");
        assertThatThrownBy(() -> ClientSettings.from(properties("clients.pop3=pop.example.com:995:tls")))
            .hasMessageContaining("'clients.imap'");
    }

    @Test
    void jmapShouldBeAnHttpsUrl() {
        assertThatThrownBy(() -> ClientSettings.from(properties("clients.imap=imap.example.com:993:tls", "clients.smtp=smtp.example.com:465:tls",
                "clients.jmap=http://mail.example.com/jmap/session")))
            .hasMessageContaining("'clients.jmap'");
    }

    @Test
    void theKeysShouldBeKnownToTheRestOfTheFile() throws Exception {
        AppPasswordsConfiguration.from(properties("clients.imap=imap.example.com:993:tls", "clients.smtp=smtp.example.com:465:tls"));
    }
}
