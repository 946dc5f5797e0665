package org.apppasswords.configuration;

import static org.apppasswords.configuration.AppPasswordsConfigurationTest.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The {@code throttle.*} keys of {@code app-passwords.properties}. */
class ThrottleConfigurationTest {
    private static ThrottleConfiguration read(String... lines) throws Exception {
        return AppPasswordsConfiguration.from(properties(lines)).throttle();
    }

    @Test
    void defaultsShouldBeTheDocumentedOnes() {
        ThrottleConfiguration defaults = AppPasswordsConfiguration.defaults().throttle();

        assertThat(defaults.address().maxFailures()).isEqualTo(5);
        assertThat(defaults.address().lockoutAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.address().lockoutAfter(100)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.account().maxFailures()).isEqualTo(100);
        assertThat(defaults.account().lockoutAfter(100)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.account().lockoutAfter(1000)).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.secondFactorMaxFailures()).isEqualTo(100);
        assertThat(defaults.forgetAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.maxRecords()).isEqualTo(100_000);
    }

    @Test
    void anEmptyFileShouldGiveTheDefaults() throws Exception {
        ThrottleConfiguration read = read();

        assertThat(read.maxRecords()).isEqualTo(100_000);
        assertThat(read.forgetAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(read.address().lockoutAfter(100)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void addressWideDefaultsShouldBeTheDocumentedOnes() {
        ThrottleConfiguration defaults = AppPasswordsConfiguration.defaults().throttle();

        assertThat(defaults.addressWide().maxFailures()).isEqualTo(50);
        assertThat(defaults.addressWide().lockoutAfter(50)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.addressWide().lockoutAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void fromShouldReadTheAddressWideKeys() throws Exception {
        ThrottleConfiguration throttle = read("throttle.addressWide.maxFailures=7", "throttle.addressWide.lockout=PT2S",
            "throttle.addressWide.maxLockout=PT5S");

        assertThat(throttle.addressWide().maxFailures()).isEqualTo(7);
        assertThat(throttle.addressWide().lockoutAfter(7)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.addressWide().lockoutAfter(70)).isEqualTo(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"throttle.address.lockout", "throttle.address.maxLockout", "throttle.account.maxLockout",
        "throttle.addressWide.maxLockout"})
    void aLockoutLongerThanThirtyDaysShouldBeRefusedNamingTheKey(String key) {
        assertThatThrownBy(() -> read(key + "=P31D"))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining(key)
            .hasMessageContaining("P30D");
    }

    @Test
    void aLockoutOfThirtyDaysShouldBeAcceptedWhenFailuresAreKeptThatLong() throws Exception {
        assertThat(read("throttle.forgetAfter=P30D", "throttle.account.maxLockout=P30D").account().lockoutAfter(10_000))
            .isEqualTo(Duration.ofDays(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"throttle.address", "throttle.addressWide", "throttle.account"})
    void aMaximumLockoutLongerThanForgetAfterShouldBeRefusedNamingTheKey(String prefix) {
        assertThatThrownBy(() -> read("throttle.forgetAfter=PT2H", prefix + ".maxLockout=PT2H1S"))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining(prefix + ".maxLockout")
            .hasMessageContaining("throttle.forgetAfter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"throttle.address", "throttle.addressWide", "throttle.account"})
    void aMaximumLockoutAsLongAsForgetAfterShouldBeAccepted(String prefix) throws Exception {
        ThrottleConfiguration throttle = read("throttle.forgetAfter=PT2H", prefix + ".maxLockout=PT2H");

        assertThat(throttle.forgetAfter()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aFirstLockoutLongerThanForgetAfterShouldBeRefused() {
        // The maximum rises with the first lockout, so the error names the maximum.
        assertThatThrownBy(() -> read("throttle.forgetAfter=PT2H", "throttle.account.lockout=PT3H"))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("throttle.account.maxLockout")
            .hasMessageContaining("throttle.forgetAfter");
    }

    @Test
    void aForgetAfterShorterThanADefaultMaximumLockoutShouldBeRefusedNamingThatMaximum() {
        // throttle.address.maxLockout defaults to PT1H.
        assertThatThrownBy(() -> read("throttle.forgetAfter=PT30M"))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("throttle.address.maxLockout")
            .hasMessageContaining("throttle.forgetAfter");
    }

    @Test
    void fromShouldReadMaxRecords() throws Exception {
        assertThat(read("throttle.maxRecords=5000").maxRecords()).isEqualTo(5000);
        assertThat(read("throttle.maxRecords=1").maxRecords()).isEqualTo(1);
        assertThat(read("throttle.maxRecords=2147483647").maxRecords()).isEqualTo(Integer.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "many", "1.5", "1e5", "100_000", "2147483648"})
    void fromShouldRefuseAMaxRecordsThatIsNotAPositiveWholeNumberNamingTheKey(String value) {
        assertThatThrownBy(() -> read("throttle.maxRecords=" + value))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("throttle.maxRecords")
            .hasMessageContaining("a whole number of at least 1")
            .hasMessageNotContaining(value);
    }

    @Test
    void lockoutAfterShouldBeZeroBelowTheLimitThenDoubleUpToTheMaximum() {
        ThrottleConfiguration.Rule rule = new ThrottleConfiguration.Rule(3, Duration.ofSeconds(10), Duration.ofSeconds(35));

        assertThat(rule.lockoutAfter(2)).isZero();
        assertThat(rule.lockoutAfter(3)).isEqualTo(Duration.ofSeconds(10));
        assertThat(rule.lockoutAfter(4)).isEqualTo(Duration.ofSeconds(20));
        assertThat(rule.lockoutAfter(5)).isEqualTo(Duration.ofSeconds(35));
        assertThat(rule.lockoutAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void fromShouldReadEveryThrottleKey() throws Exception {
        ThrottleConfiguration throttle = read("throttle.address.maxFailures=2", "throttle.address.lockout=PT2S",
            "throttle.address.maxLockout=PT4S", "throttle.account.maxFailures=50", "throttle.account.lockout=PT3S",
            "throttle.account.maxLockout=PT9S", "throttle.secondFactor.maxFailures=10", "throttle.forgetAfter=PT1H");

        assertThat(throttle.address().maxFailures()).isEqualTo(2);
        assertThat(throttle.address().lockoutAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.address().lockoutAfter(9)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.account().maxFailures()).isEqualTo(50);
        assertThat(throttle.account().lockoutAfter(50)).isEqualTo(Duration.ofSeconds(3));
        assertThat(throttle.account().lockoutAfter(99)).isEqualTo(Duration.ofSeconds(9));
        assertThat(throttle.secondFactorMaxFailures()).isEqualTo(10);
        assertThat(throttle.forgetAfter()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aLockoutLongerThanTheDefaultMaximumShouldRaiseTheMaximumWithIt() throws Exception {
        assertThat(read("throttle.account.lockout=PT1H").account().lockoutAfter(100)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void fromShouldRefuseMoreThan100SecondFactorFailures() {
        assertThatThrownBy(() -> read("throttle.secondFactor.maxFailures=101"))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("throttle.secondFactor.maxFailures");
    }

    @ParameterizedTest
    @ValueSource(strings = {"throttle.address.maxFailures=0", "throttle.account.maxFailures=-1", "throttle.secondFactor.maxFailures=x",
        "throttle.address.lockout=PT0S", "throttle.account.lockout=-PT1M", "throttle.forgetAfter=tomorrow",
        "throttle.address.maxLockout=PT1S"})
    void fromShouldRefuseAnInvalidValueNamingTheKey(String line) {
        String key = line.substring(0, line.indexOf('='));

        assertThatThrownBy(() -> read(line))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining(key);
    }

    @Test
    void fromShouldRefuseAMisspelledThrottleKey() {
        assertThatThrownBy(() -> read("throttle.adress.maxFailures=3"))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("throttle.adress.maxFailures");
    }
}
