package org.apppasswords.throttle;

import java.time.Instant;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;

/** Told when a failure starts a lockout (the audit log and the metrics listen). */
@FunctionalInterface
public interface LockoutListener {
    void lockoutStarted(Username user, LoginOrigin origin, Scope.Kind scope, Instant until);
}
