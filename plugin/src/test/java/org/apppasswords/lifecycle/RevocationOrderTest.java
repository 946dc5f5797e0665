package org.apppasswords.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.AppPasswordStore.AddOutcome;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.AppPasswordsConfiguration.OnPrimaryPasswordChange;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.session.SelfServiceSession;
import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.signout.SignOut;
import org.apppasswords.store.memory.MemoryActivity;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.apppasswords.store.memory.MemorySecondFactorStore;
import org.apppasswords.store.memory.MemorySelfServiceSessionStore;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.SecondFactorStore.EnableOutcome;
import org.apppasswords.totp.TotpEnrolment;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.Test;

/**
 * The order of UserSecrets' revocations (issue 17): the sessions, which authorise creations, end
 * first, then what they could create; a password change through James revokes before the new
 * password applies and again after, so that what was authorised with the old password meanwhile
 * is refused or ended.
 */
class RevocationOrderTest {
    static final Username ALICE = Username.of("alice@example.org");
    static final Username ALICIA = Username.of("alicia@example.org");
    static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    static final TotpSecret SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    static final Set<String> REVOCATIONS = Set.of("revokeAll", "disable", "moveAll", "copyTo", "forgetWrongCodes");

    final MemoryGenerations generations = new MemoryGenerations();
    final List<String> calls = new CopyOnWriteArrayList<>();
    /** Runs right after the app passwords' revokeAll, as a request on another thread could. */
    Runnable afterAppPasswordsRevoked = () -> { };
    final SelfServiceSessionStore sessions = recording(SelfServiceSessionStore.class, new MemorySelfServiceSessionStore(generations),
        "sessions");
    final AppPasswordStore appPasswords = recording(AppPasswordStore.class, new MemoryAppPasswordStore(generations), "appPasswords");
    final SecondFactorStore secondFactors = recording(SecondFactorStore.class, new MemorySecondFactorStore(generations),
        "secondFactors");

    UserSecrets testee(OnPrimaryPasswordChange onChange) {
        return new UserSecrets(appPasswords, secondFactors, sessions,
            new AppPasswordsConfiguration(false, 25, true, onChange, "James", Duration.ofMinutes(10)), new MemoryLoginFailureStore(),
            new AuditLog(), SignOut.none(), SecurityNotices.NONE, new MemoryActivity());
    }

    UserSecrets testee() {
        return testee(OnPrimaryPasswordChange.REVOKE_ALL);
    }

    /** {@code delegate}, each revocation called on it recorded as {@code name.method}. */
    <T> T recording(Class<T> type, T delegate, String name) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (REVOCATIONS.contains(method.getName())) {
                calls.add(name + "." + method.getName());
            }
            try {
                Object result = method.invoke(delegate, args);
                if (name.equals("appPasswords") && method.getName().equals("revokeAll")) {
                    afterAppPasswordsRevoked.run();
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    boolean openSession(String digest, long generation) {
        return sessions.create(new SelfServiceSession(digest, ALICE, NOW, NOW.plusSeconds(600), true, generation));
    }

    boolean sessionAlive(String digest) {
        return sessions.find(digest, NOW).isPresent();
    }

    AddOutcome addAppPassword(String id, long generation) {
        return appPasswords.add(ALICE, StoredAppPassword.created(AppPasswordId.parse(id).orElseThrow(), "Mail", "$sha256$salt$hash", NOW),
            25, generation);
    }

    EnableOutcome enableTotp(long generation) {
        return secondFactors.enable(ALICE, TotpEnrolment.enabled(SECRET, NOW, List.of()), generation);
    }

    @Test
    void aPasswordChangeShouldEndSessionsBeforeAppPasswordsBeforeItAppliesAndAgainAfter() {
        testee().primaryPasswordChanged(ALICE);
        testee().primaryPasswordApplied(ALICE, 0);

        assertThat(calls).containsExactly("secondFactors.forgetWrongCodes", "sessions.revokeAll", "appPasswords.revokeAll",
            "sessions.revokeAll", "appPasswords.revokeAll");
    }

    @Test
    void aPasswordChangeShouldRevokeNothingWhenConfiguredToKeep() {
        testee(OnPrimaryPasswordChange.KEEP).primaryPasswordChanged(ALICE);
        testee(OnPrimaryPasswordChange.KEEP).primaryPasswordApplied(ALICE, 0);

        assertThat(calls).containsExactly("secondFactors.forgetWrongCodes");
        assertThat(generations.current(ALICE)).isZero();
    }

    @Test
    void forgetShouldEndSessionsThenAppPasswordsThenTheSecondFactor() {
        testee().forget(ALICE);

        assertThat(calls).containsExactly("sessions.revokeAll", "appPasswords.revokeAll", "secondFactors.disable");
    }

    @Test
    void resetSecondFactorShouldEndSessionsBeforeTheSecondFactor() {
        testee().resetSecondFactor(ALICE);

        assertThat(calls).containsExactly("sessions.revokeAll", "secondFactors.disable");
    }

    @Test
    void moveShouldEndTheOldNamesSessionsThenCopyTheSecondFactorBeforeMovingAppPasswords() {
        testee().move(ALICE, ALICIA);

        assertThat(calls).containsExactly("sessions.revokeAll", "secondFactors.copyTo", "appPasswords.moveAll");
    }

    @Test
    void anAppPasswordMintedThroughASessionBetweenTheTwoStepsShouldNotSurvive() {
        openSession("alice-session", generations.current(ALICE));
        // A request holding the session once the app passwords are gone: were the sessions ended last, it would find the
        // session, with the generation the app passwords' revocation moved to, and its app password would outlive the change.
        afterAppPasswordsRevoked = () -> sessions.find("alice-session", NOW)
            .ifPresent(session -> addAppPassword("aaaaa", session.generation()));

        testee().primaryPasswordChanged(ALICE);

        assertThat(appPasswords.list(ALICE)).isEmpty();
    }

    @Test
    void aCreationWithTheGenerationReadBeforeThePasswordChangeShouldBeRefused() {
        long readBeforeTheChecks = generations.current(ALICE);

        testee().primaryPasswordChanged(ALICE);

        assertThat(openSession("alice-session", readBeforeTheChecks)).isFalse();
        assertThat(addAppPassword("aaaaa", readBeforeTheChecks)).isEqualTo(AddOutcome.SUPERSEDED);
        assertThat(sessionAlive("alice-session")).isFalse();
        assertThat(appPasswords.list(ALICE)).isEmpty();
    }

    @Test
    void aSessionOpenedWithTheGenerationReadWhileTheOldPasswordStillWorkedShouldBeRefusedOnceItApplies() {
        testee().primaryPasswordChanged(ALICE);
        long readWhileTheOldPasswordStillWorks = generations.current(ALICE);

        testee().primaryPasswordApplied(ALICE, 0);

        assertThat(openSession("alice-session", readWhileTheOldPasswordStillWorks)).isFalse();
        assertThat(sessionAlive("alice-session")).isFalse();
    }

    @Test
    void aSessionOpenedWhileTheOldPasswordStillWorkedShouldEndOnceTheNewOneApplies() {
        testee().primaryPasswordChanged(ALICE);
        assertThat(openSession("alice-session", generations.current(ALICE))).isTrue();

        testee().primaryPasswordApplied(ALICE, 0);

        assertThat(sessionAlive("alice-session")).isFalse();
    }

    @Test
    void anAppPasswordAddedWhileTheOldPasswordStillWorkedShouldEndOnceTheNewOneApplies() {
        testee().primaryPasswordChanged(ALICE);
        long readWhileTheOldPasswordStillWorks = generations.current(ALICE);
        assertThat(addAppPassword("aaaaa", readWhileTheOldPasswordStillWorks)).isEqualTo(AddOutcome.ADDED);

        testee().primaryPasswordApplied(ALICE, 0);

        assertThat(appPasswords.list(ALICE)).isEmpty();
        assertThat(addAppPassword("bbbbb", readWhileTheOldPasswordStillWorks)).isEqualTo(AddOutcome.SUPERSEDED);
    }

    @Test
    void aSessionOpenedDuringAChangeShouldStayWhenConfiguredToKeep() {
        testee(OnPrimaryPasswordChange.KEEP).primaryPasswordChanged(ALICE);
        assertThat(openSession("alice-session", generations.current(ALICE))).isTrue();

        testee(OnPrimaryPasswordChange.KEEP).primaryPasswordApplied(ALICE, 0);

        assertThat(sessionAlive("alice-session")).isTrue();
    }

    @Test
    void aSecondFactorConfirmedThroughASessionFoundBeforeAResetShouldNotBeEnabled() {
        openSession("alice-session", generations.current(ALICE));
        Optional<SelfServiceSession> found = sessions.find("alice-session", NOW);

        testee().resetSecondFactor(ALICE);

        assertThat(enableTotp(found.orElseThrow().generation())).isEqualTo(EnableOutcome.SUPERSEDED);
        assertThat(secondFactors.find(ALICE)).isEmpty();
        assertThat(sessionAlive("alice-session")).isFalse();
    }
}
