package org.apppasswords.configuration;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.configuration2.Configuration;

/**
 * The settings of {@code conf/app-passwords.properties}, validated once at start. Every key has
 * a default, so a missing file means {@link #defaults()}. An unknown key is refused too: a typo
 * in a security setting must not silently keep the default.
 */
public final class AppPasswordsConfiguration {
    public static final String FILE_NAME = "app-passwords";
    private static final String IDLE_EXPIRY_EXPECTED = "off or a positive ISO-8601 duration such as P90D";

    enum Key {
        SECOND_FACTOR_REQUIRED("secondFactor.required"),
        MAX_PER_USER("appPasswords.maxPerUser"),
        REQUIRE_SECOND_FACTOR("appPasswords.requireSecondFactor"),
        IDLE_EXPIRY("appPasswords.idleExpiry"),
        ON_PRIMARY_PASSWORD_CHANGE("onPrimaryPasswordChange"),
        TOTP_ISSUER("totp.issuer"),
        SESSION_TIMEOUT("selfService.sessionTimeout"),
        STORE("store"),
        JDBC_URL("jdbc.url"),
        JDBC_USER("jdbc.user"),
        JDBC_PASSWORD("jdbc.password"),
        JDBC_POOL_SIZE("jdbc.poolSize"),
        ENCRYPTION_KEY_FILE("encryption.keyFile"),
        THROTTLE_ADDRESS_MAX_FAILURES("throttle.address.maxFailures"),
        THROTTLE_ADDRESS_LOCKOUT("throttle.address.lockout"),
        THROTTLE_ADDRESS_MAX_LOCKOUT("throttle.address.maxLockout"),
        THROTTLE_ADDRESS_WIDE_MAX_FAILURES("throttle.addressWide.maxFailures"),
        THROTTLE_ADDRESS_WIDE_LOCKOUT("throttle.addressWide.lockout"),
        THROTTLE_ADDRESS_WIDE_MAX_LOCKOUT("throttle.addressWide.maxLockout"),
        THROTTLE_ACCOUNT_MAX_FAILURES("throttle.account.maxFailures"),
        THROTTLE_ACCOUNT_LOCKOUT("throttle.account.lockout"),
        THROTTLE_ACCOUNT_MAX_LOCKOUT("throttle.account.maxLockout"),
        THROTTLE_SECOND_FACTOR_MAX_FAILURES("throttle.secondFactor.maxFailures"),
        THROTTLE_FORGET_AFTER("throttle.forgetAfter"),
        THROTTLE_MAX_RECORDS("throttle.maxRecords");

        final String name;

        Key(String name) {
            this.name = name;
        }
    }

    public enum OnPrimaryPasswordChange { REVOKE_ALL, KEEP }

    private final boolean secondFactorRequired;
    private final int maxAppPasswordsPerUser;
    private final boolean appPasswordsRequireSecondFactor;
    private final OnPrimaryPasswordChange onPrimaryPasswordChange;
    private final String totpIssuer;
    private final Duration selfServiceSessionTimeout;
    private final StorageConfiguration storage;
    private final ThrottleConfiguration throttle;
    private final Optional<Duration> appPasswordIdleExpiry;

    /** With the default storage (embedded H2). */
    public AppPasswordsConfiguration(boolean secondFactorRequired, int maxAppPasswordsPerUser, boolean appPasswordsRequireSecondFactor,
                                     OnPrimaryPasswordChange onPrimaryPasswordChange, String totpIssuer, Duration selfServiceSessionTimeout) {
        this(secondFactorRequired, maxAppPasswordsPerUser, appPasswordsRequireSecondFactor, onPrimaryPasswordChange, totpIssuer,
            selfServiceSessionTimeout, StorageConfiguration.defaults());
    }

    public AppPasswordsConfiguration(boolean secondFactorRequired, int maxAppPasswordsPerUser, boolean appPasswordsRequireSecondFactor,
                                     OnPrimaryPasswordChange onPrimaryPasswordChange, String totpIssuer, Duration selfServiceSessionTimeout,
                                     StorageConfiguration storage) {
        if (maxAppPasswordsPerUser < 1) {
            throw new InvalidConfigurationException(Key.MAX_PER_USER.name, "a whole number of at least 1");
        }
        if (totpIssuer.isBlank() || totpIssuer.contains(":")) {
            throw new InvalidConfigurationException(Key.TOTP_ISSUER.name, "a non-empty name without ':'");
        }
        if (selfServiceSessionTimeout.isNegative() || selfServiceSessionTimeout.isZero()) {
            throw new InvalidConfigurationException(Key.SESSION_TIMEOUT.name, "a positive ISO-8601 duration such as PT10M");
        }
        this.secondFactorRequired = secondFactorRequired;
        this.maxAppPasswordsPerUser = maxAppPasswordsPerUser;
        this.appPasswordsRequireSecondFactor = appPasswordsRequireSecondFactor;
        this.onPrimaryPasswordChange = onPrimaryPasswordChange;
        this.totpIssuer = totpIssuer;
        this.selfServiceSessionTimeout = selfServiceSessionTimeout;
        this.storage = Objects.requireNonNull(storage, "storage");
        this.throttle = ThrottleConfiguration.defaults();
        this.appPasswordIdleExpiry = Optional.empty();
        Contradictions.refuse(this);
    }

    private AppPasswordsConfiguration(AppPasswordsConfiguration base, ThrottleConfiguration throttle, Optional<Duration> appPasswordIdleExpiry) {
        this.secondFactorRequired = base.secondFactorRequired;
        this.maxAppPasswordsPerUser = base.maxAppPasswordsPerUser;
        this.appPasswordsRequireSecondFactor = base.appPasswordsRequireSecondFactor;
        this.onPrimaryPasswordChange = base.onPrimaryPasswordChange;
        this.totpIssuer = base.totpIssuer;
        this.selfServiceSessionTimeout = base.selfServiceSessionTimeout;
        this.storage = base.storage;
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.appPasswordIdleExpiry = appPasswordIdleExpiry;
        Contradictions.refuse(this);
    }

    /** This configuration with other {@code throttle.*} settings. */
    public AppPasswordsConfiguration withThrottle(ThrottleConfiguration throttle) {
        return new AppPasswordsConfiguration(this, throttle, appPasswordIdleExpiry);
    }

    /** A copy with {@code appPasswords.idleExpiry} set: empty is off, otherwise a positive duration. */
    public AppPasswordsConfiguration withAppPasswordIdleExpiry(Optional<Duration> idleExpiry) {
        if (idleExpiry.filter(duration -> duration.isNegative() || duration.isZero()).isPresent()) {
            throw new InvalidConfigurationException(Key.IDLE_EXPIRY.name, IDLE_EXPIRY_EXPECTED);
        }
        return new AppPasswordsConfiguration(this, throttle, idleExpiry);
    }

    public static AppPasswordsConfiguration defaults() {
        return new AppPasswordsConfiguration(false, 25, true, OnPrimaryPasswordChange.REVOKE_ALL, "James", Duration.ofMinutes(10));
    }

    /** Reads the keys of {@code app-passwords.properties}; throws {@link InvalidConfigurationException} naming the key. */
    public static AppPasswordsConfiguration from(Configuration properties) {
        ConfigurationReader reader = new ConfigurationReader(properties);
        Set<String> known = Arrays.stream(Key.values()).map(key -> key.name).collect(Collectors.toCollection(HashSet::new));
        known.addAll(ClientSettings.KEYS);
        known.addAll(NotificationSettings.KEYS);
        reader.rejectUnknownKeys(known, FILE_NAME + ".properties");
        return new AppPasswordsConfiguration(
            reader.bool(Key.SECOND_FACTOR_REQUIRED.name, false),
            reader.positiveInt(Key.MAX_PER_USER.name, 25),
            reader.bool(Key.REQUIRE_SECOND_FACTOR.name, true),
            "keep".equals(reader.choice(Key.ON_PRIMARY_PASSWORD_CHANGE.name, "revoke-all", Set.of("revoke-all", "keep")))
                ? OnPrimaryPasswordChange.KEEP : OnPrimaryPasswordChange.REVOKE_ALL,
            reader.string(Key.TOTP_ISSUER.name, "James"),
            reader.duration(Key.SESSION_TIMEOUT.name, Duration.ofMinutes(10)),
            StorageConfiguration.read(reader))
            .withThrottle(ThrottleConfiguration.read(reader))
            .withAppPasswordIdleExpiry(idleExpiry(reader));
    }

    private static Optional<Duration> idleExpiry(ConfigurationReader reader) {
        if ("off".equalsIgnoreCase(reader.string(Key.IDLE_EXPIRY.name, "off"))) {
            return Optional.empty();
        }
        Duration duration = reader.duration(Key.IDLE_EXPIRY.name, Duration.ZERO);
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidConfigurationException(Key.IDLE_EXPIRY.name, IDLE_EXPIRY_EXPECTED);
        }
        return Optional.of(duration);
    }

    public boolean secondFactorRequired() {
        return secondFactorRequired;
    }

    public int maxAppPasswordsPerUser() {
        return maxAppPasswordsPerUser;
    }

    public boolean appPasswordsRequireSecondFactor() {
        return appPasswordsRequireSecondFactor;
    }

    public OnPrimaryPasswordChange onPrimaryPasswordChange() {
        return onPrimaryPasswordChange;
    }

    public String totpIssuer() {
        return totpIssuer;
    }

    public Duration selfServiceSessionTimeout() {
        return selfServiceSessionTimeout;
    }

    /** The {@code throttle.*} settings of the primary path. */
    public ThrottleConfiguration throttle() {
        return throttle;
    }

    /** {@code appPasswords.idleExpiry}: how long an app password may go unused before it stops working; empty when off. */
    public Optional<Duration> appPasswordIdleExpiry() {
        return appPasswordIdleExpiry;
    }

    /** Where the stores keep their data. */
    public StorageConfiguration storage() {
        return storage;
    }
}
