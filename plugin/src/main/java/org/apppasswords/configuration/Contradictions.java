package org.apppasswords.configuration;

/**
 * Pairs of keys that, set together, would weaken a promise another key makes: such a configuration
 * stops the start, naming both keys, rather than running with less protection than it says.
 */
final class Contradictions {
    private Contradictions() {
    }

    static void refuse(AppPasswordsConfiguration configuration) {
        if (configuration.secondFactorRequired() && !configuration.appPasswordsRequireSecondFactor()) {
            // A user without TOTP signs in with the bare password (so that they can enrol), and could
            // then mint an app password: a leaked primary password alone would open every protocol.
            throw new InvalidConfigurationException("'secondFactor.required=true' contradicts 'appPasswords.requireSecondFactor=false' in "
                + AppPasswordsConfiguration.FILE_NAME + ".properties: with a second factor required, app passwords must require it too");
        }
        ThrottleConfiguration throttle = configuration.throttle();
        if (throttle.address().maxFailures() > throttle.account().maxFailures()) {
            // One address would then lock the whole account, for its owner too, before its own limit.
            throw new InvalidConfigurationException("'throttle.address.maxFailures' must not exceed 'throttle.account.maxFailures' in "
                + AppPasswordsConfiguration.FILE_NAME + ".properties: one address could then lock the account for everyone");
        }
    }
}
