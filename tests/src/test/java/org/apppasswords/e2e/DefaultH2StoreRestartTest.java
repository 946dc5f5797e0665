package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.apppasswords.totp.Totp;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default store, an embedded H2 file under James's working directory, keeps app passwords,
 * TOTP enrolments and spent TOTP codes across a clean restart and across SIGKILL: a spent code is
 * one plain H2 transaction, committed to the file ({@code WRITE_DELAY=0}) before the login is
 * answered. Each James runs in a JVM of its own ({@link JamesNode}). James's memory users do not survive a restart: the tests add the user
 * again on each start, as an operator's real users repository would still hold it.
 */
class DefaultH2StoreRestartTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String WRONG_PASSWORD = "Wrong-Guess-Passw0rd-For-The-File";

    static {
        SecretLeakDetector.register(WRONG_PASSWORD);
    }

    @TempDir
    Path workingDirectory;

    @Test
    void appPasswordAndTotpCreatedBeforeARestartShouldStillLogInAfterIt() throws Exception {
        String user = TotpUser.newUserName("restart");
        TotpSecret secret = TotpSecret.generate(RANDOM);
        String appPassword;
        List<String> recoveryCodes;
        String codeUsedBeforeRestart;
        long stepUsed;
        try (JamesNode node = JamesNode.start(workingDirectory, null)) {
            node.addUser(user, TotpUser.PRIMARY_PASSWORD);
            recoveryCodes = node.enableTotp(user, secret.revealBase32());
            node.startCreates(user, 1, 1);
            appPassword = passwordsIn(node.awaitCreates()).get(0);
            stepUsed = TotpUser.currentStep();
            codeUsedBeforeRestart = TotpUser.PRIMARY_PASSWORD + "$" + code(secret, stepUsed);
            SecretLeakDetector.register(codeUsedBeforeRestart);
            assertThat(Protocol.IMAP_LOGIN.login(node.ports, user, codeUsedBeforeRestart)).isTrue();
        }

        String wrongCode = TotpUser.PRIMARY_PASSWORD + "$" + wrongCode(secret, stepUsed);
        SecretLeakDetector.register(wrongCode);
        long stepBeforeRestart = TotpUser.currentStep();
        try (JamesNode node = JamesNode.start(workingDirectory, null)) {
            long stepAfterStart = TotpUser.currentStep();
            node.addUser(user, TotpUser.PRIMARY_PASSWORD);

            assertThat(Protocol.IMAP_LOGIN.login(node.ports, user, appPassword)).as("app password after restart").isTrue();
            assertThat(Protocol.IMAP_LOGIN.login(node.ports, user, codeUsedBeforeRestart)).as("code spent before restart").isFalse();
            // The login path's writes reach the H2 file behind the answer: after a start, no code of a
            // step a spend lost to a crash could have had (up to the start's step + 1) is accepted.
            String fenced = TotpUser.PRIMARY_PASSWORD + "$" + code(secret, stepBeforeRestart + 1);
            SecretLeakDetector.register(fenced);
            assertThat(Protocol.IMAP_LOGIN.login(node.ports, user, fenced)).as("a code of the step after the start").isFalse();
            await().atMost(Duration.ofSeconds(40)).until(() -> TotpUser.currentStep() > stepAfterStart);
            String fresh = TotpUser.PRIMARY_PASSWORD + "$" + code(secret, stepAfterStart + 2);
            SecretLeakDetector.register(fresh);
            assertThat(Protocol.IMAP_LOGIN.login(node.ports, user, fresh)).as("primary$CODE after restart, past the fence").isTrue();
            assertThat(Protocol.IMAP_LOGIN.login(node.ports, user, TotpUser.PRIMARY_PASSWORD)).as("primary alone").isFalse();
            // Rows of the throttle (one per wrong value and place) and of the code count (the last wrong code).
            assertThat(Protocol.IMAP_LOGIN.login(node.ports, user, wrongCode)).as("a wrong code").isFalse();
            assertThat(Protocol.IMAP_LOGIN.login(node.ports, user, WRONG_PASSWORD)).as("a wrong password").isFalse();
        }

        byte[] h2File = Files.readAllBytes(workingDirectory.resolve("var/app-passwords/store.mv.db"));
        assertThat(StoredSecretsScan.contains(h2File, user)).as("the scan reads the file's plain text").isTrue();
        StoredSecretsScan scan = new StoredSecretsScan().text("app password", appPassword).totpSeed("TOTP seed", secret)
            .text("primary password", TotpUser.PRIMARY_PASSWORD).text("spent primary$CODE", codeUsedBeforeRestart)
            .text("wrong primary$CODE", wrongCode).text("wrong password", WRONG_PASSWORD);
        recoveryCodes.forEach(code -> scan.text("recovery code", code));
        assertThat(recoveryCodes).hasSize(10);
        assertThat(scan.foundIn(h2File)).isEmpty();
    }

    @Test
    void everyAppPasswordReturnedBeforeASigkillShouldLogInAfterTheRestart() throws Exception {
        String user = TotpUser.newUserName("crash");
        String properties = "appPasswords.maxPerUser=1000\n";
        List<String> returned = new ArrayList<>();
        try (JamesNode node = JamesNode.start(workingDirectory, properties)) {
            node.addUser(user, TotpUser.PRIMARY_PASSWORD);
            node.startCreates(user, 1000, 4);
            while (returned.size() < 40) {
                String outcome = node.nextCreate();
                assertThat(outcome).startsWith("CREATED ");
                returned.add(outcome.split(" ")[2]);
            }
            node.kill();
        }

        try (JamesNode node = JamesNode.start(workingDirectory, properties)) {
            node.addUser(user, TotpUser.PRIMARY_PASSWORD);
            for (String password : returned) {
                assertThat(Protocol.IMAP_LOGIN.login(node.ports, user, password)).as("an app password returned before SIGKILL").isTrue();
            }
        }
    }

    @Test
    void aCodeSpentJustBeforeASigkillShouldStayRefusedAfterTheRestart() throws Exception {
        String user = TotpUser.newUserName("spent");
        TotpSecret secret = TotpSecret.generate(RANDOM);
        long step;
        String spentLogin;
        List<String> recoveryCodes;
        try (JamesNode node = JamesNode.start(workingDirectory, null)) {
            node.addUser(user, TotpUser.PRIMARY_PASSWORD);
            recoveryCodes = node.enableTotp(user, secret.revealBase32());
            // The next step's code is accepted from now until that step's successor ends: 60 to 90 s for the restart.
            step = TotpUser.currentStep() + 1;
            spentLogin = TotpUser.PRIMARY_PASSWORD + "$" + code(secret, step);
            assertThat(Protocol.IMAP_LOGIN.login(node.ports, user, spentLogin)).isTrue();
            node.kill();
        }

        try (JamesNode node = JamesNode.start(workingDirectory, null)) {
            node.addUser(user, TotpUser.PRIMARY_PASSWORD);

            assertThat(TotpUser.currentStep()).as("the spent code is still inside its window").isLessThanOrEqualTo(step + 1);
            assertThat(Protocol.IMAP_LOGIN.login(node.ports, user, spentLogin)).as("the code spent before SIGKILL").isFalse();
            assertThat(Protocol.IMAP_LOGIN.login(node.ports, user, TotpUser.PRIMARY_PASSWORD + "$" + recoveryCodes.get(0)))
                .as("the user can still log in").isTrue();
        }
    }

    private static List<String> passwordsIn(List<String> outcomes) {
        List<String> passwords = new ArrayList<>();
        for (String outcome : outcomes) {
            if (outcome.startsWith("CREATED ")) {
                String password = outcome.split(" ")[2];
                SecretLeakDetector.register(password);
                passwords.add(password);
            }
        }
        return passwords;
    }

    /** A well-formed code that none of the steps around {@code step} accepts, even a few steps later. */
    private static String wrongCode(TotpSecret secret, long step) {
        List<String> valid = new ArrayList<>();
        for (long s = step - 2; s <= step + 6; s++) {
            valid.add(code(secret, s));
        }
        for (int candidate = 0; ; candidate++) {
            String wrong = String.format("%06d", candidate);
            if (!valid.contains(wrong)) {
                return wrong;
            }
        }
    }

    private static String code(TotpSecret secret, long step) {
        return Totp.code(secret.revealBytes(), step, 6, Totp.Algorithm.SHA1);
    }
}
