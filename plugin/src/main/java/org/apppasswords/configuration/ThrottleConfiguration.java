package org.apppasswords.configuration;

import java.time.Duration;

/**
 * The {@code throttle.*} keys: how many failed primary-path logins lock what, and for how long
 * (docs/throttling.md gives the reasoning). Per (account, address) the first lockout comes after
 * {@code throttle.address.maxFailures} [5] failures and lasts {@code throttle.address.lockout}
 * [PT1M], each later failure doubling it up to {@code throttle.address.maxLockout} [PT1H]; per
 * account, whatever the address, after {@code throttle.account.maxFailures} [100], from
 * {@code throttle.account.lockout} [PT1M] up to {@code throttle.account.maxLockout} [PT15M];
 * {@code throttle.secondFactor.maxFailures} [100, at most 100: NIST SP 800-63B 5.2.2] consecutive
 * wrong codes after a right primary password lock the TOTP path until a recovery code or an admin
 * reset; a record without a failure for {@code throttle.forgetAfter} [PT24H] is forgotten. Per
 * address across accounts ({@code throttle.addressWide.*}, so that one address cannot spray many
 * accounts) after 50 failures, from PT1M up to PT15M. No lockout may exceed {@value #MAX_LOCKOUT_TEXT},
 * nor {@code throttle.forgetAfter} (failures older than that no longer count, so a longer lockout
 * would end early). {@code throttle.maxRecords} [100000] caps the failures kept for names James
 * does not know.
 */
public final class ThrottleConfiguration {
    static final int MAX_SECOND_FACTOR_FAILURES = 100;
    static final String MAX_LOCKOUT_TEXT = "P30D";
    static final Duration MAX_LOCKOUT = Duration.parse(MAX_LOCKOUT_TEXT);
    static final long DEFAULT_MAX_RECORDS = 100_000;

    /** One scope's rule: lock after {@code maxFailures} counted failures, doubling from {@code lockout} up to {@code maxLockout}. */
    public static final class Rule {
        private final int maxFailures;
        private final Duration lockout;
        private final Duration maxLockout;

        public Rule(int maxFailures, Duration lockout, Duration maxLockout) {
            this.maxFailures = maxFailures;
            this.lockout = lockout;
            this.maxLockout = maxLockout;
        }

        public int maxFailures() {
            return maxFailures;
        }

        /** How long the lockout started by the {@code failures}-th counted failure lasts; zero below {@link #maxFailures}. */
        public Duration lockoutAfter(int failures) {
            if (failures < maxFailures) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - maxFailures, 30);
            Duration doubled = lockout.multipliedBy(1L << doublings);
            return doubled.compareTo(maxLockout) > 0 ? maxLockout : doubled;
        }
    }

    private final Rule address;
    private final Rule addressWide;
    private final Rule account;
    private final int secondFactorMaxFailures;
    private final Duration forgetAfter;
    private final long maxRecords;

    public ThrottleConfiguration(Rule address, Rule addressWide, Rule account, int secondFactorMaxFailures, Duration forgetAfter,
                                 long maxRecords) {
        this.address = address;
        this.addressWide = addressWide;
        this.account = account;
        this.secondFactorMaxFailures = secondFactorMaxFailures;
        this.forgetAfter = forgetAfter;
        this.maxRecords = maxRecords;
    }

    public static ThrottleConfiguration defaults() {
        return new ThrottleConfiguration(new Rule(5, Duration.ofMinutes(1), Duration.ofHours(1)),
            new Rule(50, Duration.ofMinutes(1), Duration.ofMinutes(15)), new Rule(100, Duration.ofMinutes(1), Duration.ofMinutes(15)),
            MAX_SECOND_FACTOR_FAILURES, Duration.ofHours(24), DEFAULT_MAX_RECORDS);
    }

    static ThrottleConfiguration read(ConfigurationReader reader) {
        ThrottleConfiguration defaults = defaults();
        Duration forgetAfter = positive(reader, AppPasswordsConfiguration.Key.THROTTLE_FORGET_AFTER.name, defaults.forgetAfter);
        Rule address = rule(reader, "throttle.address", defaults.address, forgetAfter);
        Rule addressWide = rule(reader, "throttle.addressWide", defaults.addressWide, forgetAfter);
        Rule account = rule(reader, "throttle.account", defaults.account, forgetAfter);
        int secondFactor = reader.positiveInt(AppPasswordsConfiguration.Key.THROTTLE_SECOND_FACTOR_MAX_FAILURES.name, MAX_SECOND_FACTOR_FAILURES);
        if (secondFactor > MAX_SECOND_FACTOR_FAILURES) {
            throw new InvalidConfigurationException(AppPasswordsConfiguration.Key.THROTTLE_SECOND_FACTOR_MAX_FAILURES.name,
                "a whole number from 1 to " + MAX_SECOND_FACTOR_FAILURES + " (NIST SP 800-63B)");
        }
        int maxRecords = reader.positiveInt(AppPasswordsConfiguration.Key.THROTTLE_MAX_RECORDS.name, (int) DEFAULT_MAX_RECORDS);
        return new ThrottleConfiguration(address, addressWide, account, secondFactor, forgetAfter, maxRecords);
    }

    private static Rule rule(ConfigurationReader reader, String prefix, Rule defaults, Duration forgetAfter) {
        int maxFailures = reader.positiveInt(prefix + ".maxFailures", defaults.maxFailures);
        Duration lockout = capped(prefix + ".lockout", positive(reader, prefix + ".lockout", defaults.lockout));
        Duration maxLockout = capped(prefix + ".maxLockout",
            positive(reader, prefix + ".maxLockout", defaults.maxLockout.compareTo(lockout) < 0 ? lockout : defaults.maxLockout));
        if (maxLockout.compareTo(lockout) < 0) {
            throw new InvalidConfigurationException(prefix + ".maxLockout", "a duration no shorter than " + prefix + ".lockout");
        }
        if (maxLockout.compareTo(forgetAfter) > 0) {
            // A lockout outlasting the failures that started it would end as soon as they are forgotten.
            throw new InvalidConfigurationException(prefix + ".maxLockout", "a duration no longer than throttle.forgetAfter");
        }
        return new Rule(maxFailures, lockout, maxLockout);
    }

    private static Duration capped(String key, Duration value) {
        if (value.compareTo(MAX_LOCKOUT) > 0) {
            throw new InvalidConfigurationException(key, "a duration of at most " + MAX_LOCKOUT_TEXT);
        }
        return value;
    }

    private static Duration positive(ConfigurationReader reader, String key, Duration defaultValue) {
        Duration value = reader.duration(key, defaultValue);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidConfigurationException(key, "a positive ISO-8601 duration such as PT1M");
        }
        return value;
    }

    public Rule address() {
        return address;
    }

    /** Failures from one address for every account together. */
    public Rule addressWide() {
        return addressWide;
    }

    public Rule account() {
        return account;
    }

    public int secondFactorMaxFailures() {
        return secondFactorMaxFailures;
    }

    public Duration forgetAfter() {
        return forgetAfter;
    }

    /** How many failures are kept before those against names James does not know stop being written. */
    public long maxRecords() {
        return maxRecords;
    }
}
