package org.apppasswords.auth;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.store.LoginFailureChange;
import org.apppasswords.store.LoginFailureStore;
import org.apppasswords.store.LoginFailures;
import org.apppasswords.totp.PendingTotpEnrolment;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.totp.TotpEnrolment;

/** Counts the store reads (and the failure counters' writes) a login costs. */
final class CountingStores {
    final AtomicInteger appPasswordReads = new AtomicInteger();
    final AtomicInteger secondFactorReads = new AtomicInteger();
    final AtomicInteger loginFailureReads = new AtomicInteger();
    /** Transactions: each {@link LoginFailureStore#apply} or {@link LoginFailureStore#clear}. */
    final AtomicInteger loginFailureWrites = new AtomicInteger();
    /** The records those transactions changed. */
    final AtomicInteger loginFailureChanges = new AtomicInteger();

    AppPasswordStore appPasswords(AppPasswordStore delegate) {
        return new AppPasswordStore() {
            @Override
            public AddOutcome add(Username user, StoredAppPassword entry, int maxPerUser) {
                return delegate.add(user, entry, maxPerUser);
            }

            @Override
            public Optional<StoredAppPassword> find(Username user, AppPasswordId id) {
                appPasswordReads.incrementAndGet();
                return delegate.find(user, id);
            }

            @Override
            public List<StoredAppPassword> list(Username user) {
                appPasswordReads.incrementAndGet();
                return delegate.list(user);
            }

            @Override
            public boolean revoke(Username user, AppPasswordId id) {
                return delegate.revoke(user, id);
            }

            @Override
            public int revokeAll(Username user) {
                return delegate.revokeAll(user);
            }

            @Override
            public void recordUse(Username user, AppPasswordId id, Instant usedAt, Optional<String> protocol) {
                delegate.recordUse(user, id, usedAt, protocol);
            }

            @Override
            public int moveAll(Username from, Username to) {
                return delegate.moveAll(from, to);
            }
        };
    }

    SecondFactorStore secondFactors(SecondFactorStore delegate) {
        return new SecondFactorStore() {
            @Override
            public Optional<TotpEnrolment> find(Username user) {
                secondFactorReads.incrementAndGet();
                return delegate.find(user);
            }

            @Override
            public boolean enable(Username user, TotpEnrolment enrolment) {
                return delegate.enable(user, enrolment);
            }

            @Override
            public boolean disable(Username user) {
                return delegate.disable(user);
            }

            @Override
            public boolean advanceLastUsedStep(Username user, long step) {
                return delegate.advanceLastUsedStep(user, step);
            }

            @Override
            public boolean consumeRecoveryCode(Username user, String encodedHash) {
                return delegate.consumeRecoveryCode(user, encodedHash);
            }

            @Override
            public void startEnrolment(Username user, PendingTotpEnrolment pending) {
                delegate.startEnrolment(user, pending);
            }

            @Override
            public Optional<PendingTotpEnrolment> findPendingEnrolment(Username user) {
                return delegate.findPendingEnrolment(user);
            }

            @Override
            public boolean moveTo(Username from, Username to) {
                return delegate.moveTo(from, to);
            }
        };
    }

    LoginFailureStore loginFailures(LoginFailureStore delegate) {
        return new LoginFailureStore() {
            @Override
            public Map<Username, Map<String, LoginFailures>> findAll(Collection<Username> users) {
                loginFailureReads.incrementAndGet();
                return delegate.findAll(users);
            }

            @Override
            public boolean apply(List<LoginFailureChange> changes) {
                loginFailureWrites.incrementAndGet();
                loginFailureChanges.addAndGet(changes.size());
                return delegate.apply(changes);
            }

            @Override
            public void clear(Username user, String... scopes) {
                loginFailureWrites.incrementAndGet();
                delegate.clear(user, scopes);
            }

            @Override
            public void clearAll(Username user) {
                delegate.clearAll(user);
            }

            @Override
            public int removeIdle(String scope, Instant idleSince, Instant now) {
                return delegate.removeIdle(scope, idleSince, now);
            }
        };
    }
}
