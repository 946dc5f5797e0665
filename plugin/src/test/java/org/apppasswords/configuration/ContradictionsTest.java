package org.apppasswords.configuration;

import static org.apppasswords.configuration.AppPasswordsConfigurationTest.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Keys that would weaken a promise together stop the start, naming both; each alone, or agreeing, is fine. */
class ContradictionsTest {
    @Test
    void aRequiredSecondFactorShouldRefuseAppPasswordsWithoutOne() {
        assertThatThrownBy(() -> AppPasswordsConfiguration.from(properties("secondFactor.required=true",
                "appPasswords.requireSecondFactor=false")))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("secondFactor.required")
            .hasMessageContaining("appPasswords.requireSecondFactor");
    }

    @Test
    void aRequiredSecondFactorShouldBeAcceptedWithAppPasswordsRequiringItToo() throws Exception {
        AppPasswordsConfiguration configuration = AppPasswordsConfiguration.from(properties("secondFactor.required=true",
            "appPasswords.requireSecondFactor=true"));

        assertThat(configuration.secondFactorRequired()).isTrue();
    }

    @Test
    void appPasswordsWithoutASecondFactorShouldBeAcceptedWhenNoneIsRequired() throws Exception {
        assertThat(AppPasswordsConfiguration.from(properties("appPasswords.requireSecondFactor=false")).appPasswordsRequireSecondFactor())
            .isFalse();
    }

    @Test
    void anAddressLimitAboveTheAccountLimitShouldBeRefused() {
        assertThatThrownBy(() -> AppPasswordsConfiguration.from(properties("throttle.address.maxFailures=11",
                "throttle.account.maxFailures=10")))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("throttle.address.maxFailures")
            .hasMessageContaining("throttle.account.maxFailures");
    }

    @Test
    void anAddressLimitEqualToTheAccountLimitShouldBeAccepted() throws Exception {
        AppPasswordsConfiguration configuration = AppPasswordsConfiguration.from(properties("throttle.address.maxFailures=10",
            "throttle.account.maxFailures=10"));

        assertThat(configuration.throttle().address().maxFailures()).isEqualTo(10);
    }

    @Test
    void theProgrammaticConstructorShouldRefuseTheSameContradiction() {
        assertThatThrownBy(() -> new AppPasswordsConfiguration(true, 25, false, AppPasswordsConfiguration.OnPrimaryPasswordChange.REVOKE_ALL,
                "James", java.time.Duration.ofMinutes(10)))
            .isInstanceOf(InvalidConfigurationException.class)
            .hasMessageContaining("appPasswords.requireSecondFactor");
    }
}
