package org.apppasswords.selfservice;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.inject.Inject;

import org.apppasswords.login.Entrance;
import org.apppasswords.login.Verdict;
import org.apppasswords.session.SelfServiceSession;
import org.apppasswords.store.UserGenerations;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * {@code POST /app-passwords-api/session} (sign in with HTTP Basic) and
 * {@code DELETE /app-passwords-api/session} (sign out). Every failed sign-in answers the same
 * 401, whatever the cause: no credentials, an app password, an unknown user, a wrong password, a
 * missing, wrong or replayed code; while the client's address, or the account, is locked out of the
 * primary path (the failure counters every protocol shares, docs/throttling.md) it answers 429.
 */
final class SessionRoutes {
    private final Checks checks;
    private final Sessions sessions;
    private final UserGenerations generations;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private final Clock clock;

    @Inject
    SessionRoutes(Checks checks, Sessions sessions, UserGenerations generations, Clock clock) {
        this.checks = checks;
        this.generations = generations;
        this.sessions = sessions;
        this.clock = clock;
    }

    Mono<Reply> signIn(HttpServerRequest request) {
        String authorization = AuthorizationHeader.single(request);
        return Blocking.call(() -> {
            BasicCredentials credentials = BasicCredentials.parse(authorization).orElseThrow(ApiError::signInRefused);
            // Read before the check: a password change in flight across this sign-in ends the session it opens.
            long generation = generations.current(credentials.user());
            Verdict verdict = checks.require(Entrance.SIGN_IN, credentials.user(), credentials.revealPassword(), request,
                ApiError::signInRefused);
            Sessions.OpenedSession opened = sessions.open(credentials.user(), verdict.provesSecondFactor(), generation);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("token", opened.token.reveal());
            body.put("expiresAt", opened.session.expiresAt().toString());
            // The server's clock, from which the page times the session's end (a client's clock may be wrong).
            return Reply.ok(body).withHeader("Date", HTTP_DATE.format(clock.instant()));
        });
    }

    Mono<Reply> signOut(HttpServerRequest request) {
        return Blocking.call(() -> {
            SelfServiceSession session = sessions.authenticate(request);
            sessions.end(session);
            return Reply.noContent();
        });
    }
}
