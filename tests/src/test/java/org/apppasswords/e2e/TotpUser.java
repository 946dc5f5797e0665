package org.apppasswords.e2e;

import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.CreatedAppPassword;
import org.apppasswords.totp.RecoveryCode;
import org.apppasswords.totp.Totp;
import org.apppasswords.totp.TotpSecret;

/**
 * A fresh James user with TOTP enabled and two app passwords, seeded through the Java API (until
 * the self-service routes exist). Every secret minted here is registered with the leak detector.
 */
final class TotpUser {
    static final String PRIMARY_PASSWORD = "Primary-Passw0rd";

    static {
        SecretLeakDetector.register(PRIMARY_PASSWORD);
    }
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    final String name;
    final TotpSecret secret;
    final CreatedAppPassword appPassword;
    final CreatedAppPassword secondAppPassword;
    final List<RecoveryCode> recoveryCodes;

    private TotpUser(String name, TotpSecret secret, CreatedAppPassword appPassword, CreatedAppPassword secondAppPassword,
                     List<RecoveryCode> recoveryCodes) {
        this.name = name;
        this.secret = secret;
        this.appPassword = appPassword;
        this.secondAppPassword = secondAppPassword;
        this.recoveryCodes = recoveryCodes;
    }

    static String newUserName(String prefix) {
        return prefix + COUNTER.incrementAndGet() + "@" + JamesWithAppPasswords.DOMAIN;
    }

    static TotpUser create(JamesWithAppPasswords james, String prefix) throws Exception {
        String name = newUserName(prefix);
        james.data().addUser(name, PRIMARY_PASSWORD);
        return enrol(james, name);
    }

    /** Enables TOTP and mints two app passwords for an existing user. */
    static TotpUser enrol(JamesWithAppPasswords james, String name) {
        Username username = Username.of(name);
        TotpSecret secret = TotpSecret.generate(RANDOM);
        SecretLeakDetector.register(secret.revealBase32());
        List<RecoveryCode> recoveryCodes = SecretLeakDetector.whileMinting(() -> james.appPasswords().enableTotp(username, secret),
            codes -> codes.stream()
                .flatMap(code -> Stream.of(code.reveal(), code.revealForDisplay()))
                .collect(Collectors.toList()));
        return new TotpUser(name, secret, mint(james, username, "Thunderbird"), mint(james, username, "iPhone Mail"), recoveryCodes);
    }

    static CreatedAppPassword mint(JamesWithAppPasswords james, Username user, String label) {
        CreatedAppPassword created = SecretLeakDetector.whileMinting(() -> james.appPasswords().createAppPassword(user, label),
            minted -> List.of(minted.password().reveal(), minted.password().revealForDisplay()));
        james.awaitInboxOfNotices(user);
        return created;
    }

    String codeForStep(long step) {
        return Totp.code(secret.revealBytes(), step, 6, Totp.Algorithm.SHA1);
    }

    static long currentStep() {
        return Totp.timeStep(Instant.now());
    }

    /**
     * The current step once at least {@code left} of it remains (waiting for the next one if less
     * does): for a test whose next login presents the previous step's code, accepted only until
     * the current step ends.
     */
    static long currentStepWithAtLeast(Duration left) {
        await().atMost(Totp.STEP.plus(left)).pollInterval(Duration.ofMillis(100))
            .until(() -> Totp.STEP.getSeconds() - Instant.now().getEpochSecond() % Totp.STEP.getSeconds() > left.getSeconds());
        return currentStep();
    }

    String primaryWithCode(String code) {
        String presented = PRIMARY_PASSWORD + "$" + code;
        SecretLeakDetector.register(presented);
        return presented;
    }

    String primaryWithCurrentCode() {
        return primaryWithCode(codeForStep(currentStep()));
    }
}
