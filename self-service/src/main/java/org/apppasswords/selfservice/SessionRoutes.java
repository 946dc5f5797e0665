package org.apppasswords.selfservice;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.inject.Inject;

import org.apppasswords.auth.SelfServiceSignIn;
import org.apppasswords.auth.SignInProof;
import org.apppasswords.store.SelfServiceSession;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * {@code POST /app-passwords-api/session} (sign in with HTTP Basic) and
 * {@code DELETE /app-passwords-api/session} (sign out). Every failed sign-in answers the same
 * 401, whatever the cause: no credentials, an app password, an unknown user, a wrong password, a
 * missing, wrong or replayed code.
 */
final class SessionRoutes {
    private final SelfServiceSignIn signIn;
    private final SignInThrottle throttle;
    private final Sessions sessions;

    @Inject
    SessionRoutes(SelfServiceSignIn signIn, SignInThrottle throttle, Sessions sessions) {
        this.signIn = signIn;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    Mono<Reply> signIn(HttpServerRequest request) {
        String authorization = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
        return Blocking.call(() -> {
            BasicCredentials credentials = BasicCredentials.parse(authorization).orElseThrow(ApiError::signInRefused);
            throttle.beginAttempt(credentials.user());
            SignInProof proof = signIn.signIn(credentials.user(), credentials.revealPassword());
            if (proof == SignInProof.NOTHING) {
                throw ApiError.signInRefused();
            }
            throttle.recordSuccess(credentials.user());
            Sessions.OpenedSession opened = sessions.open(credentials.user(), proof == SignInProof.PRIMARY_PASSWORD_AND_SECOND_FACTOR);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("token", opened.token.reveal());
            body.put("expiresAt", opened.session.expiresAt().toString());
            return Reply.ok(body);
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
