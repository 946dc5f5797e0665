package org.apppasswords.selfservice;

import java.time.Clock;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apppasswords.activity.SignIn;
import org.apppasswords.activity.SignInHistory;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * The user's own last 50 sign-ins of the last 30 days (at most 25 refusals), newest first, in the
 * admin's shape. Any session reads it, even one without a second factor: seeing who signed in is how a user finds out
 * that they should turn it on.
 */
final class ActivityRoutes {
    private final Sessions sessions;
    private final SignInHistory history;
    private final Clock clock;

    @Inject
    ActivityRoutes(Sessions sessions, SignInHistory history, Clock clock) {
        this.sessions = sessions;
        this.history = history;
        this.clock = clock;
    }

    Mono<Reply> list(HttpServerRequest request) {
        return Blocking.call(() -> Reply.ok(history.latest(sessions.authenticate(request).user(),
                clock.instant().minus(SignInHistory.KEPT_FOR)).stream()
            .map(SignIn::asJson)
            .collect(Collectors.toList())));
    }
}
