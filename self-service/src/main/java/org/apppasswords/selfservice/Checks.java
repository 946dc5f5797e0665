package org.apppasswords.selfservice;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.login.Entrance;
import org.apppasswords.login.LoginPipeline;
import org.apppasswords.login.Verdict;

import reactor.netty.http.server.HttpServerRequest;

/**
 * The self-service routes' way into the login pipeline: the same rules, counts and codes as every
 * protocol, the answer turned into HTTP. A lockout answers 429 with the seconds left in
 * {@code Retry-After}; a store that does not answer, 503; any other refusal, the route's own error.
 */
final class Checks {
    private final LoginPipeline logins;
    private final Clock clock;

    Checks(LoginPipeline logins, Clock clock) {
        this.logins = logins;
        this.clock = clock;
    }

    /** The accepted verdict of {@code presented} at {@code entrance}; otherwise throws {@code refusal}, 429 or 503. */
    Verdict require(Entrance entrance, Username user, String presented, HttpServerRequest request, Supplier<ApiError> refusal) {
        return require(entrance, user, presented, ClientOrigin.of(request), refusal);
    }

    Verdict require(Entrance entrance, Username user, String presented, LoginOrigin origin, Supplier<ApiError> refusal) {
        Verdict verdict = logins.check(entrance, user, presented, origin);
        switch (verdict.outcome()) {
            case ACCEPTED:
                return verdict;
            case LOCKED:
                long seconds = Duration.between(clock.instant(), verdict.lockedUntil().orElseThrow()).toSeconds() + 1;
                throw ApiError.tooManyAttempts(Math.max(1, seconds));
            case UNAVAILABLE:
                throw ApiError.storeUnavailable();
            default:
                throw refusal.get();
        }
    }
}
