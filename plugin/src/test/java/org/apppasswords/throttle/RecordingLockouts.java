package org.apppasswords.throttle;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;

/** A {@link LockoutListener} that keeps what it is told, in order. */
final class RecordingLockouts implements LockoutListener {
    /** One lockout started. */
    static final class Started {
        final Username user;
        final LoginOrigin origin;
        final Scope.Kind scope;
        final Instant until;

        Started(Username user, LoginOrigin origin, Scope.Kind scope, Instant until) {
            this.user = user;
            this.origin = origin;
            this.scope = scope;
            this.until = until;
        }

        @Override
        public String toString() {
            return scope + " of " + user.asString() + " from " + origin.address().orElse("-") + " until " + until;
        }
    }

    final List<Started> started = new CopyOnWriteArrayList<>();

    @Override
    public void lockoutStarted(Username user, LoginOrigin origin, Scope.Kind scope, Instant until) {
        started.add(new Started(user, origin, scope, until));
    }
}
