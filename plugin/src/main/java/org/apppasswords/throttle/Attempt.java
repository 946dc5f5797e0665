package org.apppasswords.throttle;

import java.time.Instant;
import java.util.List;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;

/** One primary-path attempt as the {@link Throttle} sees it: who, from where, which value (by fingerprint), when. */
final class Attempt {
    final Username user;
    final LoginOrigin origin;
    final ClientAddress address;
    final String fingerprint;
    final Instant now;
    /** Its (account, address) scope first, then the account and the address-wide scopes. */
    final List<Scope> scopes;

    Attempt(Username user, LoginOrigin origin, String fingerprint, Instant now) {
        this.user = user;
        this.origin = origin;
        this.address = ClientAddress.of(origin);
        this.fingerprint = fingerprint;
        this.now = now;
        this.scopes = Scope.of(user, address);
    }

    LoginFailure asFailure() {
        return new LoginFailure(user, address, fingerprint, now);
    }
}
