package org.apppasswords.webadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.lifecycle.UserSecrets;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.signout.SignOut;
import org.apppasswords.store.memory.MemoryActivity;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.store.memory.MemoryLoginFailureStore;
import org.apppasswords.store.memory.MemorySecondFactorStore;
import org.apppasswords.store.memory.MemorySelfServiceSessionStore;
import org.apppasswords.totp.PendingTotpEnrolment;
import org.apppasswords.totp.TotpEnrolment;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import spark.HaltException;
import spark.Request;

/** Which {@code {user}} an admin route acts on, and which it refuses with 400 or 404 before touching anything. */
class TargetUserTest {
    static final Username KNOWN = Username.of("alice@example.org");
    static final Username GONE = Username.of("gone@example.org");
    static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    static final TotpSecret SEED = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

    /** These tests never revoke: every creation is made at the first generation. */
    static final long NEVER_REVOKED = 0;

    final MemoryGenerations generations = new MemoryGenerations();
    final MemoryAppPasswordStore appPasswords = new MemoryAppPasswordStore(generations);
    final MemorySecondFactorStore secondFactors = new MemorySecondFactorStore(generations);
    final UsersRepository usersRepository = mock(UsersRepository.class);
    TargetUser testee;

    @BeforeEach
    void setUp() throws Exception {
        when(usersRepository.contains(KNOWN)).thenReturn(true);
        testee = new TargetUser(usersRepository, new UserSecrets(appPasswords, secondFactors, new MemorySelfServiceSessionStore(generations),
            AppPasswordsConfiguration.defaults(), new MemoryLoginFailureStore(), new AuditLog(), SignOut.none(),
            SecurityNotices.NONE, new MemoryActivity()));
    }

    static Request requestFor(String user) {
        Request request = mock(Request.class);
        when(request.params(TargetUser.PARAM)).thenReturn(user);
        return request;
    }

    static int statusOf(ThrowingCall call) {
        try {
            call.run();
        } catch (HaltException e) {
            return e.statusCode();
        } catch (Exception e) {
            throw new AssertionError("Expected a halt, got " + e, e);
        }
        throw new AssertionError("Expected a halt, got none");
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void resolveShouldReturnAUserJamesKnows() throws Exception {
        assertThat(testee.resolve(requestFor("alice@example.org"))).isEqualTo(KNOWN);
    }

    @Test
    void resolveShouldFoldTheCaseAsJamesDoes() throws Exception {
        assertThat(testee.resolve(requestFor("ALICE@example.org"))).isEqualTo(KNOWN);
    }

    @Test
    void resolveShouldReturnAnUnknownUserWhoStillHoldsAnAppPassword() throws Exception {
        appPasswords.add(GONE, StoredAppPassword.created(AppPasswordId.parse("qd3k7").get(), "Mail", "$sha256$a$b", NOW), 25, NEVER_REVOKED);

        assertThat(testee.resolve(requestFor("gone@example.org"))).isEqualTo(GONE);
    }

    @Test
    void resolveShouldReturnAnUnknownUserWhoStillHasTotpOrAPendingEnrolment() throws Exception {
        secondFactors.enable(GONE, TotpEnrolment.enabled(SEED, NOW, List.of()), NEVER_REVOKED);
        Username pending = Username.of("pending@example.org");
        secondFactors.startEnrolment(pending, new PendingTotpEnrolment(SEED, NOW));

        assertThat(testee.resolve(requestFor("gone@example.org"))).isEqualTo(GONE);
        assertThat(testee.resolve(requestFor("pending@example.org"))).isEqualTo(pending);
    }

    @Test
    void resolveShouldHaltWith404ForAnUnknownUserHoldingNothing() {
        assertThat(statusOf(() -> testee.resolve(requestFor("gone@example.org")))).isEqualTo(404);
    }

    @Test
    void resolveShouldHaltWith404WhenOnlyAnotherUserHoldsSecrets() {
        appPasswords.add(KNOWN, StoredAppPassword.created(AppPasswordId.parse("qd3k7").get(), "Mail", "$sha256$a$b", NOW), 25, NEVER_REVOKED);

        assertThat(statusOf(() -> testee.resolve(requestFor("gone@example.org")))).isEqualTo(404);
    }

    @Test
    void resolveShouldHaltWith400ForAnOverlongName() {
        assertThat(statusOf(() -> testee.resolve(requestFor("a".repeat(250) + "@example.org")))).isEqualTo(400);
    }

    @Test
    void resolveShouldHaltWith400ForABlankName() {
        assertThat(statusOf(() -> testee.resolve(requestFor(" ")))).isEqualTo(400);
    }

    @Test
    void resolveShouldHaltWith400ForTwoAtSigns() {
        assertThat(statusOf(() -> testee.resolve(requestFor("a@b@example.org")))).isEqualTo(400);
    }

    @Test
    void resolveShouldHaltWith400ForAnEmptyLocalPart() {
        assertThat(statusOf(() -> testee.resolve(requestFor("@example.org")))).isEqualTo(400);
    }

    @Test
    void anUnknownUserShouldNotBeAskedAboutWhenTheNameIsMalformed() throws Exception {
        UsersRepository strict = mock(UsersRepository.class);
        when(strict.contains(any())).thenThrow(new AssertionError("the repository must not be asked"));
        TargetUser guarded = new TargetUser(strict, new UserSecrets(appPasswords, secondFactors, new MemorySelfServiceSessionStore(generations),
            AppPasswordsConfiguration.defaults(), new MemoryLoginFailureStore(), new AuditLog(), SignOut.none(),
            SecurityNotices.NONE, new MemoryActivity()));

        assertThat(statusOf(() -> guarded.resolve(requestFor("a@b@example.org")))).isEqualTo(400);
    }
}
