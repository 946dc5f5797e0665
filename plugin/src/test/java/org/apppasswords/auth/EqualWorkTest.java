package org.apppasswords.auth;

import static org.apppasswords.auth.LoginFixture.ADMIN;
import static org.apppasswords.auth.LoginFixture.ADMIN_PASSWORD;
import static org.apppasswords.auth.LoginFixture.ALICE;
import static org.apppasswords.auth.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.auth.LoginFixture.BOB;
import static org.apppasswords.auth.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.auth.LoginFixture.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordGenerator;
import org.apppasswords.apppassword.AppPasswordTokens;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.RecoveryCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Login rule 5, proven by counting rather than timing: on each path every failure (and every
 * success, up to the final write) asks the hasher, the wrapped repository and the stores for
 * exactly the same work, so nothing about the user or the secret shows in the cost.
 */
class EqualWorkTest {
    private static final Username CAROL = Username.of("carol@example.org");

    private final CountingStores stores = new CountingStores();
    private CountingSecretHasher hasher;
    private CountingUsersRepository delegate;
    private LoginFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new LoginFixture(AppPasswordsConfiguration.defaults(), new LoginFixture.Interposer() {
            @Override
            public UsersRepository delegate(UsersRepository james) {
                delegate = new CountingUsersRepository(james);
                return delegate;
            }

            @Override
            public SecretHasher hasher(SecretHasher real) {
                hasher = new CountingSecretHasher(real);
                return hasher;
            }

            @Override
            public AppPasswordStore appPasswords(AppPasswordStore store) {
                return stores.appPasswords(store);
            }

            @Override
            public SecondFactorStore secondFactors(SecondFactorStore store) {
                return stores.secondFactors(store);
            }

            @Override
            public LoginFailureStore loginFailures(LoginFailureStore store) {
                return stores.loginFailures(store);
            }
        });
    }

    @Test
    void everyAppPasswordFailureShouldCostTheSame() throws Exception {
        AppPassword alices = fixture.createAppPassword(ALICE);
        AppPassword revoked = fixture.createAppPassword(ALICE);
        fixture.appPasswords.revoke(ALICE, revoked.id());
        AppPassword admins = fixture.createAppPassword(ADMIN);
        fixture.james.addUser(CAROL, "carol-Primary");
        AppPassword carols = fixture.createAppPassword(CAROL);
        fixture.james.removeUser(CAROL);

        Map<String, Work> failures = new LinkedHashMap<>();
        failures.put("unknown id", refused(ALICE, new AppPasswordGenerator(fixture.random).generate().reveal()));
        failures.put("wrong secret", refused(ALICE, AppPasswordTokens.withSameIdAndAnotherSecret(alices, fixture.random).reveal()));
        failures.put("revoked", refused(ALICE, revoked.reveal()));
        failures.put("another user's", refused(BOB, alices.reveal()));
        failures.put("unknown user", refused(UNKNOWN, alices.reveal()));
        failures.put("administrator's", refused(ADMIN, admins.reveal()));
        failures.put("removed user's", refused(CAROL, carols.reveal()));

        Work expected = new Work(1, 0, 1, 1, 1, 0);
        assertThat(failures).allSatisfy((scenario, work) -> assertThat(work).as(scenario).isEqualTo(expected));
    }

    @Test
    void anAppPasswordSuccessShouldCostTheSameAsAFailure() throws Exception {
        AppPassword alices = fixture.createAppPassword(ALICE);

        Work failure = refused(BOB, alices.reveal());
        Work success = accepted(ALICE, alices.reveal());

        assertThat(success).isEqualTo(failure);
    }

    @Test
    void everyPrimaryPathAttemptShouldCheckThePrimaryPasswordOnceAndTheCodesAlike() throws Exception {
        fixture.enableTotp(ALICE);
        String usedCode = fixture.currentCode();
        String wrongRecoveryCode = new RecoveryCodes(fixture.random).generate().get(0).reveal();

        Map<String, Work> attempts = new LinkedHashMap<>();
        attempts.put("TOTP user, right password and code", accepted(ALICE, ALICE_PASSWORD + "$" + usedCode));
        attempts.put("TOTP user, replayed code", refused(ALICE, ALICE_PASSWORD + "$" + usedCode));
        attempts.put("TOTP user, wrong code", refused(ALICE, ALICE_PASSWORD + "$" + fixture.wrongCode()));
        attempts.put("TOTP user, wrong recovery code", refused(ALICE, ALICE_PASSWORD + "$" + wrongRecoveryCode));
        attempts.put("TOTP user, wrong password", refused(ALICE, "wrong$" + LoginFixture.code(fixture.currentStep() + 1)));
        attempts.put("TOTP user, primary password alone", refused(ALICE, ALICE_PASSWORD));
        attempts.put("non-TOTP user, right password", accepted(BOB, BOB_PASSWORD));
        attempts.put("non-TOTP user, wrong password", refused(BOB, "wrong"));
        attempts.put("non-TOTP user, password and code", refused(BOB, BOB_PASSWORD + "$" + usedCode));
        attempts.put("unknown user", refused(UNKNOWN, "wrong"));
        attempts.put("unknown user, password and code", refused(UNKNOWN, "wrong$" + usedCode));

        Work expected = new Work(RecoveryCodes.COUNT, 1, 0, 0, 0, 1);
        assertThat(attempts).allSatisfy((scenario, work) -> assertThat(work).as(scenario).isEqualTo(expected));
    }

    @Test
    void aLockedAttemptShouldCostWhatAnyPrimaryPathFailureCosts() throws Exception {
        fixture.enableTotp(ALICE);
        String code = fixture.currentCode();
        int lockingFailures = AppPasswordsConfiguration.defaults().throttle().address().maxFailures();
        for (Username user : new Username[] {ALICE, BOB, UNKNOWN}) {
            for (int i = 0; i < lockingFailures; i++) {
                fixture.testee.test(user, "wrong-" + i);
            }
        }

        long lastUsedStep = fixture.secondFactors.find(ALICE).orElseThrow().lastUsedStep();
        Map<String, Work> attempts = new LinkedHashMap<>();
        attempts.put("locked TOTP user, right password and code", refused(ALICE, ALICE_PASSWORD + "$" + code));
        attempts.put("locked TOTP user, wrong password", refused(ALICE, "another-wrong$" + code));
        attempts.put("locked non-TOTP user, right password", refused(BOB, BOB_PASSWORD));
        attempts.put("locked non-TOTP user, wrong password", refused(BOB, "another-wrong"));
        attempts.put("locked unknown user", refused(UNKNOWN, "another-wrong"));
        attempts.put("unlocked, wrong password", refused(ADMIN, "wrong"));

        Work expected = new Work(RecoveryCodes.COUNT, 1, 0, 0, 0, 1);
        assertThat(attempts).allSatisfy((scenario, work) -> assertThat(work).as(scenario).isEqualTo(expected));
        assertThat(fixture.secondFactors.find(ALICE).orElseThrow().lastUsedStep()).as("the locked attempt spent no code").isEqualTo(lastUsedStep);
    }

    @Test
    void everyPrimaryPathFailureShouldReadAndWriteTheFailureCountersAlike() throws Exception {
        fixture.enableTotp(ALICE);
        String usedCode = fixture.currentCode();
        accepted(ALICE, ALICE_PASSWORD + "$" + usedCode);
        for (int i = 0; i < AppPasswordsConfiguration.defaults().throttle().address().maxFailures(); i++) {
            fixture.testee.test(ADMIN, "wrong-" + i);
        }

        Map<String, int[]> failures = new LinkedHashMap<>();
        failures.put("TOTP user, replayed code", counterWork(ALICE, ALICE_PASSWORD + "$" + usedCode));
        failures.put("TOTP user, wrong code", counterWork(ALICE, ALICE_PASSWORD + "$" + fixture.wrongCode()));
        failures.put("TOTP user, wrong password", counterWork(ALICE, "wrong$" + LoginFixture.code(fixture.currentStep() + 1)));
        failures.put("TOTP user, primary password alone", counterWork(ALICE, ALICE_PASSWORD));
        failures.put("non-TOTP user, wrong password", counterWork(BOB, "wrong"));
        failures.put("unknown user", counterWork(UNKNOWN, "wrong"));
        failures.put("locked user, right password", counterWork(ADMIN, ADMIN_PASSWORD));
        failures.put("locked user, wrong password", counterWork(ADMIN, "another-wrong"));

        // One read, one transaction, and a change for each of the two scopes of an unknown address plus one.
        assertThat(failures).allSatisfy((scenario, work) -> assertThat(work).as(scenario).containsExactly(1, 1, 3));
    }

    @Test
    void aPrimaryPathSuccessWithNothingToForgetShouldReadTheCountsOnceAndWriteNothing() throws Exception {
        fixture.enableTotp(ALICE);

        assertThat(counterWork(ALICE, ALICE_PASSWORD + "$" + fixture.currentCode(), true)).containsExactly(1, 0, 0);
        assertThat(counterWork(BOB, BOB_PASSWORD, true)).containsExactly(1, 0, 0);
    }

    @Test
    void aPrimaryPathSuccessAfterAFailureShouldForgetItInOneTransaction() throws Exception {
        fixture.enableTotp(ALICE);
        fixture.testee.test(ALICE, ALICE_PASSWORD + "$" + fixture.wrongCode());

        assertThat(counterWork(ALICE, ALICE_PASSWORD + "$" + fixture.currentCode(), true)).containsExactly(1, 1, 2);
        assertThat(fixture.loginFailures.find(ALICE)).containsOnlyKeys(ThrottleState.ACCOUNT);
    }

    private int[] counterWork(Username user, String presented) throws Exception {
        return counterWork(user, presented, false);
    }

    /** The failure store's reads, transactions and changed records of one login. */
    private int[] counterWork(Username user, String presented, boolean expectedOutcome) throws Exception {
        stores.loginFailureReads.set(0);
        stores.loginFailureWrites.set(0);
        stores.loginFailureChanges.set(0);
        assertThat(fixture.testee.test(user, presented)).isEqualTo(expectedOutcome);
        return new int[] {stores.loginFailureReads.get(), stores.loginFailureWrites.get(), stores.loginFailureChanges.get()};
    }

    @Test
    void aRecoveryCodeLoginShouldCostTheSameAsATotpLogin() throws Exception {
        String recoveryCode = fixture.enableTotp(ALICE).get(4).reveal();

        Work withRecoveryCode = accepted(ALICE, ALICE_PASSWORD + "$" + recoveryCode);
        Work withTotp = accepted(ALICE, ALICE_PASSWORD + "$" + fixture.currentCode());

        assertThat(withRecoveryCode).isEqualTo(withTotp);
    }

    @Test
    void anAppPasswordShouldNeverCostAPrimaryPasswordCheck() throws Exception {
        fixture.enableTotp(ALICE);

        assertThat(refused(ALICE, new AppPasswordGenerator(fixture.random).generate().reveal()).delegateTests).isZero();
        assertThat(refused(ALICE, fixture.createAppPassword(BOB).reveal()).delegateTests).isZero();
    }

    private Work accepted(Username user, String presented) throws Exception {
        return attempt(user, presented, true);
    }

    private Work refused(Username user, String presented) throws Exception {
        return attempt(user, presented, false);
    }

    private Work attempt(Username user, String presented, boolean expectedOutcome) throws Exception {
        hasher.matches.set(0);
        delegate.tests.set(0);
        delegate.contains.set(0);
        delegate.isAdministrator.set(0);
        stores.appPasswordReads.set(0);
        stores.secondFactorReads.set(0);

        assertThat(fixture.testee.test(user, presented)).isEqualTo(expectedOutcome);

        return new Work(hasher.matches.get(), delegate.tests.get(), delegate.contains.get(), delegate.isAdministrator.get(),
            stores.appPasswordReads.get(), stores.secondFactorReads.get());
    }

    /** What one login asked of its collaborators. */
    static final class Work {
        final int hashChecks;
        final int delegateTests;
        final int delegateContains;
        final int delegateIsAdministrator;
        final int appPasswordReads;
        final int secondFactorReads;

        Work(int hashChecks, int delegateTests, int delegateContains, int delegateIsAdministrator, int appPasswordReads, int secondFactorReads) {
            this.hashChecks = hashChecks;
            this.delegateTests = delegateTests;
            this.delegateContains = delegateContains;
            this.delegateIsAdministrator = delegateIsAdministrator;
            this.appPasswordReads = appPasswordReads;
            this.secondFactorReads = secondFactorReads;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Work)) {
                return false;
            }
            Work that = (Work) o;
            return hashChecks == that.hashChecks && delegateTests == that.delegateTests && delegateContains == that.delegateContains
                && delegateIsAdministrator == that.delegateIsAdministrator && appPasswordReads == that.appPasswordReads
                && secondFactorReads == that.secondFactorReads;
        }

        @Override
        public int hashCode() {
            return Objects.hash(hashChecks, delegateTests, delegateContains, delegateIsAdministrator, appPasswordReads, secondFactorReads);
        }

        @Override
        public String toString() {
            return "Work[hashChecks=" + hashChecks + ", delegate.test=" + delegateTests + ", delegate.contains=" + delegateContains
                + ", delegate.isAdministrator=" + delegateIsAdministrator + ", appPasswordReads=" + appPasswordReads
                + ", secondFactorReads=" + secondFactorReads + "]";
        }
    }
}
