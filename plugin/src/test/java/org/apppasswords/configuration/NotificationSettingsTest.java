package org.apppasswords.configuration;

import static org.apppasswords.configuration.AppPasswordsConfigurationTest.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.apache.commons.configuration2.Configuration;
import org.apache.james.core.MailAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotificationSettingsTest {
    private static final String[] CLIENTS = {"clients.imap=imap.example.com:993:tls", "clients.smtp=smtp.example.com:465:tls"};

    private static NotificationSettings read(String... lines) throws Exception {
        Configuration properties = properties(lines);
        return NotificationSettings.from(properties, ClientSettings.from(properties));
    }

    @Test
    void defaultsShouldMailFromThePostmasterWithoutCopyNorLink() {
        NotificationSettings defaults = NotificationSettings.defaults();

        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.from()).isEmpty();
        assertThat(defaults.bcc()).isEmpty();
        assertThat(defaults.page()).isEmpty();
    }

    @Test
    void noKeyShouldGiveTheDefaults() throws Exception {
        NotificationSettings read = read("store=memory");

        assertThat(read.enabled()).isTrue();
        assertThat(read.from()).isEmpty();
        assertThat(read.bcc()).isEmpty();
        assertThat(read.page()).isEmpty();
    }

    @Test
    void notificationsShouldBeTurnedOffWhenAsked() throws Exception {
        assertThat(read("notifications.enabled=false").enabled()).isFalse();
        assertThat(read("notifications.enabled=TRUE").enabled()).isTrue();
    }

    @Test
    void anEnabledFlagOtherwiseWrittenShouldStopTheStartNamingTheKey() {
        assertThatThrownBy(() -> read("notifications.enabled=Zq7xMaybe"))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("'notifications.enabled'")
            .hasMessageNotContaining("Zq7xMaybe");
    }

    @Test
    void senderAndCopyShouldBeReadAsMailAddresses() throws Exception {
        NotificationSettings read = read("notifications.from=security-notices@example.com", "notifications.bcc=soc@example.net");

        assertThat(read.from()).contains(new MailAddress("security-notices@example.com"));
        assertThat(read.bcc()).contains(new MailAddress("soc@example.net"));
    }

    @Test
    void anEmptyAddressShouldMeanTheDefault() throws Exception {
        NotificationSettings read = read("notifications.from=", "notifications.bcc=");

        assertThat(read.from()).isEmpty();
        assertThat(read.bcc()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zq7x-not-an-address", "Zq7x@", "@Zq7x.example.com", "Zq7x one@example.com", "<Zq7x@example.com"})
    void aCopyAddressOtherwiseWrittenShouldStopTheStartNamingTheKeyNotTheValue(String value) {
        assertThatThrownBy(() -> read("notifications.bcc=" + value))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("'notifications.bcc'")
            .hasMessageNotContaining("Zq7x");
    }

    @Test
    void aSenderAddressOtherwiseWrittenShouldStopTheStartNamingTheKeyNotTheValue() {
        assertThatThrownBy(() -> read("notifications.from=Zq7x-not-an-address"))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("'notifications.from'")
            .hasMessageNotContaining("Zq7x");
    }

    @Test
    void thePageShouldBeServedAtTheOriginOfTheJmapSession() throws Exception {
        NotificationSettings read = read(CLIENTS[0], CLIENTS[1], "clients.jmap=https://mail.example.com/jmap/session");

        assertThat(read.page()).contains(URI.create("https://mail.example.com/app-passwords-api/ui/"));
    }

    @Test
    void thePageShouldKeepAPortOtherThanTheDefault() throws Exception {
        NotificationSettings read = read(CLIENTS[0], CLIENTS[1], "clients.jmap=https://mail.example.com:8443/jmap/session");

        assertThat(read.page()).contains(URI.create("https://mail.example.com:8443/app-passwords-api/ui/"));
    }

    @Test
    void noJmapSessionShouldMeanNoLink() throws Exception {
        assertThat(read(CLIENTS).page()).isEmpty();
    }

    @Test
    void theNotificationKeysShouldBeKnownToTheRestOfTheFile() {
        assertThatCode(() -> AppPasswordsConfiguration.from(properties("notifications.enabled=false",
            "notifications.from=security-notices@example.com", "notifications.bcc=soc@example.net")))
            .doesNotThrowAnyException();
    }

    @Test
    void aMistypedNotificationKeyShouldStillBeRefused() {
        assertThatThrownBy(() -> AppPasswordsConfiguration.from(properties("notifications.form=security-notices@example.com")))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("notifications.form");
    }
}
