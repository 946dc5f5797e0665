package org.apppasswords.auth;

import java.time.Duration;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.ThrottleConfiguration;
import org.slf4j.MDC;

/** A {@link LoginFixture} with small throttle limits, and protocol logins from a chosen address as James's MDC gives it. */
final class ThrottleFixture {
    static final int ADDRESS_MAX = 3;
    static final int ACCOUNT_MAX = 10;
    static final int SECOND_FACTOR_MAX = 100;
    static final Duration LOCKOUT = Duration.ofMinutes(1);
    static final Duration MAX_LOCKOUT = Duration.ofMinutes(8);
    static final Duration FORGET_AFTER = Duration.ofHours(24);
    static final String ATTACKER = "203.0.113.7";
    static final String OWNER = "198.51.100.20";

    static LoginFixture create() throws Exception {
        return create(ADDRESS_MAX, ACCOUNT_MAX);
    }

    static LoginFixture create(int addressMax, int accountMax) throws Exception {
        return create(addressMax, 10_000, accountMax);
    }

    /** With an address-wide limit too (across accounts). */
    static LoginFixture create(int addressMax, int addressWideMax, int accountMax) throws Exception {
        return new LoginFixture(configuration(addressMax, addressWideMax, accountMax), new LoginFixture.Interposer() { });
    }

    /** The limits of {@link #create()}, with {@code interposer} around the fixture's collaborators. */
    static LoginFixture create(LoginFixture.Interposer interposer) throws Exception {
        return new LoginFixture(configuration(ADDRESS_MAX, 10_000, ACCOUNT_MAX), interposer);
    }

    private static AppPasswordsConfiguration configuration(int addressMax, int addressWideMax, int accountMax) {
        ThrottleConfiguration throttle = new ThrottleConfiguration(
            new ThrottleConfiguration.Rule(addressMax, LOCKOUT, MAX_LOCKOUT),
            new ThrottleConfiguration.Rule(addressWideMax, LOCKOUT, MAX_LOCKOUT),
            new ThrottleConfiguration.Rule(accountMax, LOCKOUT, MAX_LOCKOUT), SECOND_FACTOR_MAX, FORGET_AFTER);
        return AppPasswordsConfiguration.defaults().withThrottle(throttle);
    }

    /** A protocol login as James makes it: the client's address in the thread's MDC, or none when {@code address} is null. */
    static boolean login(LoginFixture fixture, String address, Username user, String presented) throws Exception {
        return login(fixture.testee, address, user, presented);
    }

    /** {@link #login(LoginFixture, String, Username, String)} on {@code node}, for example {@link LoginFixture#anotherNode()}. */
    static boolean login(UsersRepository node, String address, Username user, String presented) throws Exception {
        if (address != null) {
            MDC.put("ip", address);
            MDC.put("protocol", "IMAP");
        }
        try {
            return node.test(user, presented);
        } finally {
            MDC.remove("ip");
            MDC.remove("protocol");
        }
    }

    /** {@code count} distinct wrong passwords from {@code address}. */
    static void fail(LoginFixture fixture, String address, Username user, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            login(fixture, address, user, "wrong-" + address + "-" + i + "-" + System.nanoTime());
        }
    }

    private ThrottleFixture() {
    }
}
