package org.apppasswords.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;

import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.convert.DefaultListDelimiterHandler;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.io.FileHandler;
import org.apppasswords.configuration.AppPasswordsConfiguration.OnPrimaryPasswordChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppPasswordsConfigurationTest {
    // Never a real value: the messages must not echo it (the same file holds jdbc.password).
    private static final String DISTINCTIVE = "Zq7xSecretMarker";

    /** Parses the text like James's PropertiesProvider does: a properties file, ',' splits lists. */
    static PropertiesConfiguration properties(String... lines) throws ConfigurationException {
        PropertiesConfiguration configuration = new PropertiesConfiguration();
        configuration.setListDelimiterHandler(new DefaultListDelimiterHandler(','));
        new FileHandler(configuration).load(new StringReader(String.join("\n", lines)));
        return configuration;
    }

    @Test
    void defaultsShouldMatchTheDesign() {
        AppPasswordsConfiguration defaults = AppPasswordsConfiguration.defaults();

        assertThat(defaults.secondFactorRequired()).isFalse();
        assertThat(defaults.maxAppPasswordsPerUser()).isEqualTo(25);
        assertThat(defaults.appPasswordsRequireSecondFactor()).isTrue();
        assertThat(defaults.onPrimaryPasswordChange()).isEqualTo(OnPrimaryPasswordChange.REVOKE_ALL);
        assertThat(defaults.totpIssuer()).isEqualTo("James");
        assertThat(defaults.selfServiceSessionTimeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void fromShouldReturnTheDefaultsWhenEmpty() {
        assertThat(AppPasswordsConfiguration.from(new BaseConfiguration()))
            .usingRecursiveComparison()
            .isEqualTo(AppPasswordsConfiguration.defaults());
    }

    @Test
    void fromShouldReturnTheDefaultsWhenEveryKeyIsCommentedOut() throws Exception {
        assertThat(AppPasswordsConfiguration.from(properties("# secondFactor.required=true", "#appPasswords.maxPerUser=3")))
            .usingRecursiveComparison()
            .isEqualTo(AppPasswordsConfiguration.defaults());
    }

    @Test
    void fromShouldReadSecondFactorRequired() throws Exception {
        assertThat(AppPasswordsConfiguration.from(properties("secondFactor.required=true")).secondFactorRequired()).isTrue();
        assertThat(AppPasswordsConfiguration.from(properties("secondFactor.required=false")).secondFactorRequired()).isFalse();
    }

    @Test
    void fromShouldReadMaxPerUser() throws Exception {
        assertThat(AppPasswordsConfiguration.from(properties("appPasswords.maxPerUser=3")).maxAppPasswordsPerUser()).isEqualTo(3);
        assertThat(AppPasswordsConfiguration.from(properties("appPasswords.maxPerUser=1")).maxAppPasswordsPerUser()).isEqualTo(1);
    }

    @Test
    void fromShouldReadRequireSecondFactor() throws Exception {
        assertThat(AppPasswordsConfiguration.from(properties("appPasswords.requireSecondFactor=false")).appPasswordsRequireSecondFactor())
            .isFalse();
    }

    @Test
    void fromShouldReadOnPrimaryPasswordChange() throws Exception {
        assertThat(AppPasswordsConfiguration.from(properties("onPrimaryPasswordChange=keep")).onPrimaryPasswordChange())
            .isEqualTo(OnPrimaryPasswordChange.KEEP);
        assertThat(AppPasswordsConfiguration.from(properties("onPrimaryPasswordChange=revoke-all")).onPrimaryPasswordChange())
            .isEqualTo(OnPrimaryPasswordChange.REVOKE_ALL);
    }

    @Test
    void fromShouldReadTotpIssuer() throws Exception {
        assertThat(AppPasswordsConfiguration.from(properties("totp.issuer=Example Mail")).totpIssuer()).isEqualTo("Example Mail");
    }

    @Test
    void fromShouldReadSessionTimeout() throws Exception {
        assertThat(AppPasswordsConfiguration.from(properties("selfService.sessionTimeout=PT30M")).selfServiceSessionTimeout())
            .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void defaultsShouldStoreInTheEmbeddedH2FileWithTheDefaultKeyFile() {
        StorageConfiguration storage = AppPasswordsConfiguration.defaults().storage();

        assertThat(storage.kind()).isEqualTo(StorageConfiguration.Kind.JDBC);
        assertThat(storage.jdbcUrl()).isEmpty();
        assertThat(storage.keyFile()).isEmpty();
        assertThat(storage.poolSize()).isEqualTo(10);
    }

    @Test
    void fromShouldReadStoreMemory() throws Exception {
        assertThat(AppPasswordsConfiguration.from(properties("store=memory", "appPasswords.idleExpiry=off")).storage().kind())
            .isEqualTo(StorageConfiguration.Kind.MEMORY);
    }

    @Test
    void fromShouldReadTheJdbcKeys() throws Exception {
        StorageConfiguration storage = AppPasswordsConfiguration.from(properties("store=jdbc", "jdbc.url=jdbc:postgresql://db.example/james",
            "jdbc.user=james", "jdbc.password=" + DISTINCTIVE, "jdbc.poolSize=4", "encryption.keyFile=/etc/james/app-passwords.key")).storage();

        assertThat(storage.kind()).isEqualTo(StorageConfiguration.Kind.JDBC);
        assertThat(storage.jdbcUrl()).contains("jdbc:postgresql://db.example/james");
        assertThat(storage.jdbcUser()).contains("james");
        assertThat(storage.revealJdbcPassword()).contains(DISTINCTIVE);
        assertThat(storage.poolSize()).isEqualTo(4);
        assertThat(storage.keyFile()).contains(java.nio.file.Paths.get("/etc/james/app-passwords.key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:mem:x", "JDBC:H2:MEM:x", "jdbc:postgresql://db/james?user=j&password=secret",
        "jdbc:h2:./x;PASSWORD=secret"})
    void fromShouldRejectAJdbcUrlThatForgetsEverythingOrCarriesAPassword(String url) {
        assertThatThrownBy(() -> AppPasswordsConfiguration.from(properties("jdbc.url=" + url)))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("jdbc.url")
            .hasMessageNotContaining("secret");
    }

    @Test
    void storageToStringShouldHideThePassword() throws Exception {
        StorageConfiguration storage = AppPasswordsConfiguration.from(properties("jdbc.url=jdbc:h2:./x", "jdbc.password=" + DISTINCTIVE)).storage();

        assertThat(storage.toString()).doesNotContain(DISTINCTIVE).contains("[REDACTED]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc.url=jdbc:h2:./x", "jdbc.user=james", "jdbc.password=x", "jdbc.poolSize=3", "encryption.keyFile=/k"})
    void fromShouldRejectAJdbcKeyWithStoreMemory(String line) {
        String key = line.substring(0, line.indexOf('='));
        assertThatThrownBy(() -> AppPasswordsConfiguration.from(properties("store=memory", line)))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("'" + key + "'")
            .hasMessageContaining("store=memory");
    }

    @Test
    void fromShouldTrimValuesAndIgnoreTheirCase() throws Exception {
        AppPasswordsConfiguration configuration = AppPasswordsConfiguration.from(properties(
            "secondFactor.required = TRUE ", "appPasswords.maxPerUser= 7", "onPrimaryPasswordChange=KEEP", "store=Memory"));

        assertThat(configuration.secondFactorRequired()).isTrue();
        assertThat(configuration.maxAppPasswordsPerUser()).isEqualTo(7);
        assertThat(configuration.onPrimaryPasswordChange()).isEqualTo(OnPrimaryPasswordChange.KEEP);
    }

    @Test
    void idleExpiryShouldBeOffByDefaultAndWhenSaidOff() throws Exception {
        assertThat(AppPasswordsConfiguration.defaults().appPasswordIdleExpiry()).isEmpty();
        assertThat(AppPasswordsConfiguration.from(properties("appPasswords.idleExpiry=off")).appPasswordIdleExpiry()).isEmpty();
        assertThat(AppPasswordsConfiguration.from(properties("appPasswords.idleExpiry=OFF")).appPasswordIdleExpiry()).isEmpty();
    }

    @Test
    void idleExpiryShouldReadAnIso8601Duration() throws Exception {
        assertThat(AppPasswordsConfiguration.from(properties("appPasswords.idleExpiry=P90D")).appPasswordIdleExpiry())
            .contains(java.time.Duration.ofDays(90));
        assertThat(AppPasswordsConfiguration.from(properties("appPasswords.idleExpiry=PT2S", "store=memory")).appPasswordIdleExpiry())
            .contains(java.time.Duration.ofSeconds(2));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "secondFactor.required|yes",
        "secondFactor.required|1",
        "appPasswords.requireSecondFactor|no",
        "appPasswords.maxPerUser|0",
        "appPasswords.maxPerUser|-1",
        "appPasswords.maxPerUser|abc",
        "appPasswords.maxPerUser|2.5",
        "appPasswords.maxPerUser|99999999999",
        "appPasswords.idleExpiry|90 days",
        "appPasswords.idleExpiry|PT0S",
        "appPasswords.idleExpiry|-P1D",
        "appPasswords.idleExpiry|on",
        "store|postgres",
        "store|h2",
        "jdbc.url|mysql://db.example/james",
        "jdbc.url|jdbc:mysql://db.example/james",
        "jdbc.poolSize|0",
        "jdbc.poolSize|201",
        "jdbc.poolSize|ten",
        "onPrimaryPasswordChange|bogus",
        "onPrimaryPasswordChange|revoke",
        "totp.issuer|Acme:Mail",
        "selfService.sessionTimeout|10m",
        "selfService.sessionTimeout|P1X",
        "selfService.sessionTimeout|PT0S",
        "selfService.sessionTimeout|-PT5M",
    })
    void fromShouldRejectAnInvalidValueNamingTheKey(String key, String value) {
        assertThatThrownBy(() -> AppPasswordsConfiguration.from(properties(key + "=" + value)))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("'" + key + "'")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("=" + value).doesNotContain(": " + value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"secondFactor.required", "appPasswords.maxPerUser", "appPasswords.requireSecondFactor",
        "appPasswords.idleExpiry", "onPrimaryPasswordChange", "store", "selfService.sessionTimeout", "jdbc.url", "jdbc.poolSize"})
    void fromShouldNotEchoTheRejectedValue(String key) {
        assertThatThrownBy(() -> AppPasswordsConfiguration.from(properties(key + "=" + DISTINCTIVE)))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining(key)
            .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase(DISTINCTIVE));
    }

    @Test
    void fromShouldNotEchoARejectedIssuer() {
        assertThatThrownBy(() -> AppPasswordsConfiguration.from(properties("totp.issuer=" + DISTINCTIVE + ":x")))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("totp.issuer")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain(DISTINCTIVE));
    }

    @Test
    void fromShouldRejectAnUnknownKeyNamingItButNotItsValue() {
        assertThatThrownBy(() -> AppPasswordsConfiguration.from(properties("jdbc.pasword=" + DISTINCTIVE)))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("jdbc.pasword")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain(DISTINCTIVE));
    }

    @Test
    void fromShouldRejectAMisspeltSecurityKey() {
        assertThatThrownBy(() -> AppPasswordsConfiguration.from(properties("secondFactor.requried=true")))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("secondFactor.requried");
    }

    @Test
    void fromShouldRejectAKeyGivenTwice() {
        assertThatThrownBy(() -> AppPasswordsConfiguration.from(properties("secondFactor.required=true", "secondFactor.required=false")))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("secondFactor.required");
    }

    @Test
    void fromShouldRejectAListValueWithoutEchoingIt() {
        assertThatThrownBy(() -> AppPasswordsConfiguration.from(properties("totp.issuer=" + DISTINCTIVE + ", Inc")))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("totp.issuer")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain(DISTINCTIVE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void constructorShouldRejectABlankIssuer(String issuer) {
        assertThatThrownBy(() -> new AppPasswordsConfiguration(false, 25, true, OnPrimaryPasswordChange.REVOKE_ALL, issuer, Duration.ofMinutes(10)))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("totp.issuer");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void constructorShouldRejectAMaxPerUserBelowOne(int maxPerUser) {
        assertThatThrownBy(() -> new AppPasswordsConfiguration(false, maxPerUser, true, OnPrimaryPasswordChange.REVOKE_ALL, "James", Duration.ofMinutes(10)))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("appPasswords.maxPerUser");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "-PT1S"})
    void constructorShouldRejectASessionTimeoutThatIsNotPositive(String timeout) {
        assertThatThrownBy(() -> new AppPasswordsConfiguration(false, 25, true, OnPrimaryPasswordChange.REVOKE_ALL, "James", Duration.parse(timeout)))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("selfService.sessionTimeout");
    }
}
