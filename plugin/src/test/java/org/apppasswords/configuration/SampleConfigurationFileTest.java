package org.apppasswords.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The operator's sample {@code conf/app-passwords.properties} (shipped in the bundle) documents
 * every key, and its documented defaults are what the code uses.
 */
class SampleConfigurationFileTest {
    private static final Path SAMPLE = Path.of("..", "distribution", "src", "conf", "app-passwords.properties");

    @Test
    void sampleShouldMentionEveryKey() throws Exception {
        String sample = Files.readString(SAMPLE);

        assertThat(Arrays.stream(AppPasswordsConfiguration.Key.values()).map(key -> "#" + key.name + "="))
            .allSatisfy(commentedKey -> assertThat(sample).contains(commentedKey));
        assertThat(ClientSettings.KEYS).allSatisfy(key -> assertThat(sample).contains("#" + key + "="));
        assertThat(NotificationSettings.KEYS).allSatisfy(key -> assertThat(sample).contains("#" + key + "="));
    }

    @Test
    void sampleWithEveryKeyUncommentedShouldGiveTheDefaults() throws Exception {
        String uncommented = Files.readString(SAMPLE).replaceAll("(?m)^#([A-Za-z.]+=)", "$1");
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.read(new StringReader(uncommented));

        AppPasswordsConfiguration parsed = AppPasswordsConfiguration.from(properties);

        AppPasswordsConfiguration defaults = AppPasswordsConfiguration.defaults();
        assertThat(parsed.secondFactorRequired()).isEqualTo(defaults.secondFactorRequired());
        assertThat(parsed.maxAppPasswordsPerUser()).isEqualTo(defaults.maxAppPasswordsPerUser());
        assertThat(parsed.appPasswordsRequireSecondFactor()).isEqualTo(defaults.appPasswordsRequireSecondFactor());
        assertThat(parsed.onPrimaryPasswordChange()).isEqualTo(defaults.onPrimaryPasswordChange());
        assertThat(parsed.totpIssuer()).isEqualTo(defaults.totpIssuer());
        assertThat(parsed.selfServiceSessionTimeout()).isEqualTo(defaults.selfServiceSessionTimeout());
        assertThat(parsed.appPasswordIdleExpiry()).isEqualTo(defaults.appPasswordIdleExpiry());
        assertThat(parsed.storage().kind()).isEqualTo(defaults.storage().kind());
        assertThat(parsed.storage().poolSize()).isEqualTo(defaults.storage().poolSize());
        assertThat(describe(parsed.throttle())).isEqualTo(describe(defaults.throttle()));
        assertThat(ClientSettings.from(properties).configured()).as("no client settings by default").isFalse();
        NotificationSettings notifications = NotificationSettings.from(properties, ClientSettings.from(properties));
        NotificationSettings notificationDefaults = NotificationSettings.defaults();
        assertThat(notifications.enabled()).isEqualTo(notificationDefaults.enabled());
        assertThat(notifications.from()).isEqualTo(notificationDefaults.from());
        assertThat(notifications.bcc()).isEqualTo(notificationDefaults.bcc());
    }

    /** Every throttle setting, as values that compare. */
    private static List<Object> describe(ThrottleConfiguration throttle) {
        List<Object> values = new ArrayList<>(List.of(throttle.secondFactorMaxFailures(), throttle.forgetAfter(), throttle.maxRecords()));
        for (ThrottleConfiguration.Rule rule : List.of(throttle.address(), throttle.addressWide(), throttle.account())) {
            values.addAll(List.of(rule.maxFailures(), rule.lockoutAfter(rule.maxFailures()), rule.lockoutAfter(Integer.MAX_VALUE)));
        }
        return values;
    }
}
