package org.apppasswords.login;

import static org.apppasswords.login.LoginFixture.ADMIN;
import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.apppasswords.login.LoginFixture.ATTACKER;
import static org.apppasswords.login.LoginFixture.BOB;
import static org.apppasswords.login.LoginFixture.BOB_PASSWORD;
import static org.apppasswords.login.LoginFixture.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordGenerator;
import org.apppasswords.apppassword.AppPasswordTokens;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.scope.MailProtocol;
import org.apppasswords.scope.ProtocolScope;
import org.apppasswords.throttle.ClientAddress;
import org.apppasswords.throttle.LoginFailure;
import org.apppasswords.totp.RecoveryCode;
import org.apppasswords.totp.RecoveryCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Login rule 5, proven by counting rather than timing: on each path every failure (and every
 * success, up to its final write) asks the hashers, James and the stores for exactly the same work,
 * so nothing about the user or the secret shows in the cost. On the primary path a name James does
 * not know costs what a known one costs: the same lookup, and one primary-password hash, the decoy's
 * instead of James's (so James's password checks are left out of the comparison, and the hashes
 * counted instead). ALICE has TOTP, BOB has not.
 */
class EqualWorkTest {
    private static final Username CAROL = Username.of("carol@example.org");

    private final CountingStores stores = new CountingStores();
    private LoginFixture fixture;
    private List<RecoveryCode> recoveryCodes;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.builder()
            .appPasswords(stores::appPasswords)
            .secondFactors(stores::secondFactors)
            .loginFailures(stores::loginFailures)
            .build();
        recoveryCodes = fixture.enableTotp(ALICE);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void everyAppPasswordFailureShouldCostTheSame() throws Exception {
        AppPassword bobs = fixture.createAppPassword(BOB);
        AppPassword revoked = fixture.createAppPassword(BOB);
        fixture.appPasswords().revoke(BOB, revoked.id());
        AppPassword admins = fixture.createAppPassword(ADMIN);
        fixture.jamesItself.addUser(CAROL, "carol-Primary");
        AppPassword carols = fixture.createAppPassword(CAROL);
        fixture.jamesItself.removeUser(CAROL);

        Map<String, Cost> failures = new LinkedHashMap<>();
        failures.put("unknown id", refused(Entrance.PROTOCOL, BOB, new AppPasswordGenerator(fixture.random).generate().reveal()));
        AppPassword forged = AppPasswordTokens.withSameIdAndAnotherSecret(bobs, fixture.random);
        failures.put("wrong secret", refused(Entrance.PROTOCOL, BOB, forged.reveal()));
        failures.put("revoked", refused(Entrance.PROTOCOL, BOB, revoked.reveal()));
        failures.put("another user's", refused(Entrance.PROTOCOL, ALICE, bobs.reveal()));
        failures.put("unknown user", refused(Entrance.PROTOCOL, UNKNOWN, bobs.reveal()));
        failures.put("administrator's", refused(Entrance.PROTOCOL, ADMIN, admins.reveal()));
        failures.put("removed user's", refused(Entrance.PROTOCOL, CAROL, carols.reveal()));
        // Where the protocol cannot be told, as in these checks: fail closed.
        failures.put("limited to SMTP", refused(Entrance.PROTOCOL, BOB,
            fixture.createAppPassword(BOB, ProtocolScope.of(List.of(MailProtocol.SMTP))).reveal()));

        Cost expected = new Cost(1, 0, 0, 0, 1, 1, 1, 0, 0);
        assertThat(failures).allSatisfy((scenario, cost) -> assertThat(cost).as(scenario).isEqualTo(expected));
    }

    @Test
    void anAppPasswordSuccessShouldCostTheSameAsAFailure() throws Exception {
        AppPassword bobs = fixture.createAppPassword(BOB);

        Cost failure = refused(Entrance.PROTOCOL, ALICE, bobs.reveal());
        Cost success = accepted(Entrance.PROTOCOL, BOB, bobs.reveal());

        assertThat(success).isEqualTo(failure);
    }

    @Test
    void anAppPasswordShouldNeverCostAPrimaryPasswordCheck() throws Exception {
        Cost unknownId = refused(Entrance.PROTOCOL, ALICE, new AppPasswordGenerator(fixture.random).generate().reveal());
        Cost anotherUsers = refused(Entrance.PROTOCOL, ALICE, fixture.createAppPassword(BOB).reveal());

        assertThat(unknownId.primaryHashes + unknownId.jamesLookups + unknownId.loginFailureReads).isZero();
        assertThat(anotherUsers.primaryHashes + anotherUsers.jamesLookups + anotherUsers.loginFailureReads).isZero();
    }

    @Test
    void everyProtocolPrimaryPathAttemptShouldCheckThePrimaryPasswordOnceAndTheCodesAlike() throws Exception {
        String usedCode = fixture.currentCode();
        String wrongRecoveryCode = new RecoveryCodes(fixture.random).generate().get(0).reveal();

        Map<String, Cost> attempts = new LinkedHashMap<>();
        attempts.put("TOTP user, right password and code", accepted(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD + "$" + usedCode));
        attempts.put("TOTP user, replayed code", refused(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD + "$" + usedCode));
        attempts.put("TOTP user, wrong code", refused(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD + "$" + fixture.wrongCode()));
        attempts.put("TOTP user, wrong recovery code", refused(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD + "$" + wrongRecoveryCode));
        String nextCode = LoginFixture.code(fixture.currentStep() + 1);
        attempts.put("TOTP user, wrong password", refused(Entrance.PROTOCOL, ALICE, "wrong$" + nextCode));
        attempts.put("TOTP user, primary password alone", refused(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD));
        attempts.put("non-TOTP user, right password", accepted(Entrance.PROTOCOL, BOB, BOB_PASSWORD));
        attempts.put("non-TOTP user, wrong password", refused(Entrance.PROTOCOL, BOB, "wrong"));
        attempts.put("non-TOTP user, password and code", refused(Entrance.PROTOCOL, BOB, BOB_PASSWORD + "$" + usedCode));
        attempts.put("unknown user", refused(Entrance.PROTOCOL, UNKNOWN, "wrong"));
        attempts.put("unknown user, password and code", refused(Entrance.PROTOCOL, UNKNOWN, "wrong$" + usedCode));

        Cost expected = new Cost(RecoveryCodes.COUNT, 1, 1, 0, 0, 0, 0, 1, 1);
        assertThat(attempts).allSatisfy((scenario, cost) -> assertThat(cost).as(scenario).isEqualTo(expected));
    }

    @ParameterizedTest
    @EnumSource(Entrance.class)
    void anUnknownNameShouldCostWhatAKnownOneCostsOnEveryEntrance(Entrance entrance) throws Exception {
        String wrong = entrance == Entrance.CODE ? fixture.wrongCode() : "wrong-Primary-0";

        Map<String, Cost> attempts = new LinkedHashMap<>();
        attempts.put("unknown name", refused(entrance, UNKNOWN, wrong));
        attempts.put("user without TOTP, wrong input", refused(entrance, BOB, wrong));
        attempts.put("user with TOTP, wrong input", refused(entrance, ALICE, wrong));

        Cost expected = attempts.get("user without TOTP, wrong input");
        assertThat(expected.hashChecks).isEqualTo(RecoveryCodes.COUNT);
        assertThat(attempts).allSatisfy((scenario, cost) -> assertThat(cost).as(scenario).isEqualTo(expected));
    }

    @Test
    void theTokenEntranceShouldCostTheSameForUnknownNamesRightPasswordsAndRefusedTotpUsers() throws Exception {
        // Issue 17: the draft-JMAP /authentication endpoint told known names from unknown ones by timing.
        Map<String, Cost> attempts = new LinkedHashMap<>();
        attempts.put("unknown name", refused(Entrance.TOKEN, UNKNOWN, BOB_PASSWORD));
        attempts.put("wrong password", refused(Entrance.TOKEN, BOB, "wrong"));
        attempts.put("TOTP user, right password", refused(Entrance.TOKEN, ALICE, ALICE_PASSWORD));
        attempts.put("TOTP user, right password and code", refused(Entrance.TOKEN, ALICE, ALICE_PASSWORD + "$" + fixture.currentCode()));
        attempts.put("right password", accepted(Entrance.TOKEN, BOB, BOB_PASSWORD));

        Cost expected = new Cost(RecoveryCodes.COUNT, 1, 1, 0, 0, 0, 0, 1, 1);
        assertThat(attempts).allSatisfy((scenario, cost) -> assertThat(cost).as(scenario).isEqualTo(expected));
    }

    @Test
    void aRecoveryCodeLoginShouldCostTheSameAsATotpLogin() throws Exception {
        String recoveryCode = recoveryCodes.get(4).reveal();

        Cost withRecoveryCode = accepted(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD + "$" + recoveryCode);
        Cost withTotp = accepted(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD + "$" + fixture.currentCode());

        assertThat(withRecoveryCode).isEqualTo(withTotp);
    }

    @Test
    void everyLockedAttemptShouldCostTheSameAndHashWhatAnyAttemptHashes() throws Exception {
        LoginOrigin attacker = LoginFixture.from(ATTACKER, "IMAP");
        int lockingFailures = fixture.configuration.throttle().address().maxFailures();
        for (Username user : new Username[] {ALICE, BOB, UNKNOWN}) {
            for (int i = 0; i < lockingFailures; i++) {
                fixture.check(Entrance.PROTOCOL, user, "wrong-" + i, attacker);
            }
        }
        Cost unlocked = refused(Entrance.PROTOCOL, ADMIN, "wrong", LoginFixture.from(LoginFixture.OWNER, "IMAP"));

        Map<String, Cost> attempts = new LinkedHashMap<>();
        attempts.put("locked TOTP user, right password and code", locked(ALICE, ALICE_PASSWORD + "$" + fixture.currentCode(), attacker));
        attempts.put("locked TOTP user, wrong password", locked(ALICE, "another-wrong$" + fixture.currentCode(), attacker));
        attempts.put("locked non-TOTP user, right password", locked(BOB, BOB_PASSWORD, attacker));
        attempts.put("locked non-TOTP user, wrong password", locked(BOB, "another-wrong", attacker));
        attempts.put("locked unknown user", locked(UNKNOWN, "another-wrong", attacker));

        Cost expected = new Cost(RecoveryCodes.COUNT, 1, 0, 0, 0, 0, 0, 1, 1);
        assertThat(attempts).allSatisfy((scenario, cost) -> assertThat(cost).as(scenario).isEqualTo(expected));
        assertThat(unlocked.hashChecks).isEqualTo(expected.hashChecks);
        assertThat(unlocked.primaryHashes).isEqualTo(expected.primaryHashes);
    }

    @Test
    void everyFirstPrimaryPathFailureShouldReadTheFailuresOnceAndWriteOneRow() throws Exception {
        String usedCode = fixture.currentCode();
        accepted(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD + "$" + usedCode);

        Map<String, int[]> failures = new LinkedHashMap<>();
        failures.put("TOTP user, replayed code", failureStoreWork(ALICE, ALICE_PASSWORD + "$" + usedCode));
        failures.put("TOTP user, wrong code", failureStoreWork(ALICE, ALICE_PASSWORD + "$" + fixture.wrongCode()));
        failures.put("TOTP user, wrong password", failureStoreWork(ALICE, "wrong$" + LoginFixture.code(fixture.currentStep() + 1)));
        failures.put("TOTP user, primary password alone", failureStoreWork(ALICE, ALICE_PASSWORD));
        failures.put("non-TOTP user, wrong password", failureStoreWork(BOB, "wrong"));
        failures.put("unknown user", failureStoreWork(UNKNOWN, "wrong"));

        assertThat(failures).allSatisfy((scenario, work) -> assertThat(work).as(scenario).containsExactly(1, 1));
    }

    @Test
    void theSameWrongValueAgainOrALockedAttemptShouldWriteNothing() throws Exception {
        failureStoreWork(BOB, "wrong-0");

        assertThat(failureStoreWork(BOB, "wrong-0")).as("the same value again").containsExactly(1, 0);
        for (int i = 1; i < fixture.configuration.throttle().address().maxFailures(); i++) {
            failureStoreWork(BOB, "wrong-" + i);
        }
        assertThat(failureStoreWork(BOB, BOB_PASSWORD)).as("locked").containsExactly(1, 0);
    }

    @Test
    void aPrimaryPathSuccessWithNothingToForgetShouldReadTheFailuresOnceAndWriteNothing() throws Exception {
        stores.reset();
        assertThat(fixture.check(Entrance.PROTOCOL, ALICE, ALICE_PASSWORD + "$" + fixture.currentCode()).accepted()).isTrue();
        assertThat(fixture.check(Entrance.PROTOCOL, BOB, BOB_PASSWORD).accepted()).isTrue();

        assertThat(stores.loginFailureReads).hasValue(2);
        assertThat(stores.loginFailureWrites).hasValue(0);
    }

    @Test
    void aPrimaryPathSuccessAfterAFailureShouldForgiveItInOneWrite() throws Exception {
        LoginOrigin owner = LoginFixture.from(LoginFixture.OWNER, "IMAP");
        fixture.check(Entrance.PROTOCOL, BOB, "wrong", owner);
        stores.reset();

        assertThat(fixture.check(Entrance.PROTOCOL, BOB, BOB_PASSWORD, owner).accepted()).isTrue();

        assertThat(stores.loginFailureWrites).hasValue(1);
        assertThat(fixture.logins.loginFailures.read(BOB, ClientAddress.of(owner), LoginFixture.START.minusSeconds(60)).failures())
            .isNotEmpty().allMatch(LoginFailure::isForgiven);
    }

    private int[] failureStoreWork(Username user, String presented) {
        stores.reset();
        assertThat(fixture.check(Entrance.PROTOCOL, user, presented).accepted()).isFalse();
        return new int[] {stores.loginFailureReads.get(), stores.loginFailureWrites.get()};
    }

    private Cost accepted(Entrance entrance, Username user, String presented) throws Exception {
        return attempt(entrance, user, presented, LoginOrigin.unknown(), Verdict.Outcome.ACCEPTED);
    }

    private Cost refused(Entrance entrance, Username user, String presented) throws Exception {
        return attempt(entrance, user, presented, LoginOrigin.unknown(), Verdict.Outcome.REFUSED);
    }

    private Cost refused(Entrance entrance, Username user, String presented, LoginOrigin origin) throws Exception {
        return attempt(entrance, user, presented, origin, Verdict.Outcome.REFUSED);
    }

    private Cost locked(Username user, String presented, LoginOrigin origin) throws Exception {
        return attempt(Entrance.PROTOCOL, user, presented, origin, Verdict.Outcome.LOCKED);
    }

    private Cost attempt(Entrance entrance, Username user, String presented, LoginOrigin origin, Verdict.Outcome expected)
            throws Exception {
        stores.reset();
        Work work = Work.of(fixture, () -> assertThat(fixture.check(entrance, user, presented, origin).outcome()).isEqualTo(expected));
        return new Cost(work.hashChecks, work.primaryHashes, work.jamesLookups, work.jamesTests, work.jamesContains, work.jamesIsAdministrator,
            stores.appPasswordReads.get(), stores.secondFactorReads.get(), stores.loginFailureReads.get());
    }

    /** What one login asked of its collaborators, James's password checks aside (the primary-password hashes count them with the decoy's). */
    static final class Cost {
        final int hashChecks;
        final int primaryHashes;
        final int jamesLookups;
        final int jamesTests;
        final int jamesContains;
        final int jamesIsAdministrator;
        final int appPasswordReads;
        final int secondFactorReads;
        final int loginFailureReads;

        Cost(int hashChecks, int primaryHashes, int jamesLookups, int jamesTests, int jamesContains, int jamesIsAdministrator,
             int appPasswordReads, int secondFactorReads, int loginFailureReads) {
            this.hashChecks = hashChecks;
            this.primaryHashes = primaryHashes;
            this.jamesLookups = jamesLookups;
            this.jamesTests = jamesTests;
            this.jamesContains = jamesContains;
            this.jamesIsAdministrator = jamesIsAdministrator;
            this.appPasswordReads = appPasswordReads;
            this.secondFactorReads = secondFactorReads;
            this.loginFailureReads = loginFailureReads;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Cost)) {
                return false;
            }
            Cost that = (Cost) o;
            return hashChecks == that.hashChecks && primaryHashes == that.primaryHashes && jamesLookups == that.jamesLookups
                && jamesTests == that.jamesTests && jamesContains == that.jamesContains && jamesIsAdministrator == that.jamesIsAdministrator
                && appPasswordReads == that.appPasswordReads && secondFactorReads == that.secondFactorReads
                && loginFailureReads == that.loginFailureReads;
        }

        @Override
        public int hashCode() {
            return Objects.hash(hashChecks, primaryHashes, jamesLookups, jamesTests, jamesContains, jamesIsAdministrator, appPasswordReads,
                secondFactorReads, loginFailureReads);
        }

        @Override
        public String toString() {
            return "Cost[hashChecks=" + hashChecks + ", primaryHashes=" + primaryHashes + ", james: lookups=" + jamesLookups + ", tests="
                + jamesTests + ", contains=" + jamesContains + ", isAdministrator=" + jamesIsAdministrator + "; reads: appPasswords="
                + appPasswordReads + ", secondFactors=" + secondFactorReads + ", loginFailures=" + loginFailureReads + "]";
        }
    }
}
