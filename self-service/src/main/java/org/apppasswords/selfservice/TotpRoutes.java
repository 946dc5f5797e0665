package org.apppasswords.selfservice;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.login.Entrance;
import org.apppasswords.session.SelfServiceSession;
import org.apppasswords.store.ChangedMeanwhileException;
import org.apppasswords.totp.PendingTotpEnrolment;
import org.apppasswords.totp.RecoveryCode;
import org.apppasswords.totp.SecondFactorAlreadyEnabledException;
import org.apppasswords.totp.SecondFactorService;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.TotpEnrolment;
import org.apppasswords.totp.TotpSecret;
import org.apppasswords.totp.TotpVerifier;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * TOTP enrolment: {@code POST /totp} starts one with the primary password again in the body
 * ({@code {"password": ...}}: 400 without it, 403 when wrong, counted like any wrong primary
 * password), a pending secret that changes nothing about logins (a session alone never takes the
 * second factor); {@code POST /totp/confirm} enables it with a current code of that secret and
 * returns the recovery codes, {@code DELETE /totp} disables it with a fresh code. Starting while TOTP is
 * on answers 409, so a stolen token cannot swap the second factor; confirming without a pending
 * enrolment answers 409 too. A pending enrolment lasts as long as a session
 * ({@code selfService.sessionTimeout}): a secret shown long ago, perhaps on a shared screen, cannot
 * be confirmed later.
 */
final class TotpRoutes {
    private static final Set<String> CODE = Set.of("code");
    private static final Set<String> PASSWORD = Set.of("password");

    private final Sessions sessions;
    private final SecondFactorStore store;
    private final SecondFactorService service;
    private final TotpVerifier verifier;
    private final Checks checks;
    private final SecureRandom random;
    private final Clock clock;
    private final AppPasswordsConfiguration configuration;

    @Inject
    TotpRoutes(Sessions sessions, SecondFactorStore store, SecondFactorService service, TotpVerifier verifier, Checks checks,
               SecureRandom random, Clock clock, AppPasswordsConfiguration configuration) {
        this.sessions = sessions;
        this.store = store;
        this.service = service;
        this.verifier = verifier;
        this.checks = checks;
        this.random = random;
        this.clock = clock;
        this.configuration = configuration;
    }

    Mono<Reply> start(HttpServerRequest request) {
        // 401, then 409 while TOTP is on, before the body is read; both again once it is read.
        return Blocking.call(() -> refuseWhenEnabled(sessions.authenticate(request).user()))
            .flatMap(early -> passwordField(request)
                .flatMap(password -> Blocking.call(() -> start(sessions.authenticate(request).user(), password, request))));
    }

    /**
     * The {@code password} field of the body. Before the step-up this route took no body: a client
     * written for that sends none (no {@code Content-Length}, or 0, and nothing chunked), whatever
     * {@code Content-Type} its library adds, and is told which field is missing (400) rather than
     * that the type of a body it never sent is wrong (415).
     */
    private static Mono<String> passwordField(HttpServerRequest request) {
        HttpHeaders headers = request.requestHeaders();
        String contentLength = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        boolean noBody = !headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
            && (contentLength == null || contentLength.trim().equals("0"));
        if (noBody) {
            return Mono.error(JsonBody.missingField("password", PASSWORD));
        }
        return JsonBody.read(request, PASSWORD).map(fields -> fields.get("password"));
    }

    private Reply start(Username user, String primaryPassword, HttpServerRequest request) {
        refuseWhenEnabled(user);
        // A session alone never takes the second factor: the primary password again, counted like any failure.
        checks.require(Entrance.STEP_UP, user, primaryPassword, request,
            () -> ApiError.forbidden("Wrong password: enrolling TOTP needs your primary password in the field 'password'"));
        TotpSecret secret = TotpSecret.generate(random);
        store.startEnrolment(user, new PendingTotpEnrolment(secret, clock.instant()));
        String uri = OtpAuthUri.reveal(configuration.totpIssuer(), user, secret);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("secret", secret.revealBase32());
        body.put("otpauthUri", uri);
        body.put("qrCodePng", Base64.getEncoder().encodeToString(QrCodePng.render(uri)));
        return Reply.ok(body);
    }

    Mono<Reply> confirm(HttpServerRequest request) {
        // Checked before the body (401 comes first) and again after it: a body held back must not
        // let a session ended meanwhile (password change, reset, sign-out) act.
        return Blocking.call(() -> sessions.authenticate(request))
            .flatMap(early -> JsonBody.read(request, CODE)
                .flatMap(fields -> Blocking.call(() -> confirm(sessions.authenticate(request), fields.get("code")))));
    }

    private Reply confirm(SelfServiceSession session, String code) {
        Username user = session.user();
        refuseWhenEnabled(user);
        PendingTotpEnrolment pending = store.findPendingEnrolment(user)
            .filter(this::stillPending)
            .orElseThrow(() -> ApiError.conflict("No TOTP enrolment in progress (or it expired): start one with POST /app-passwords-api/totp"));
        // Not throttled: the session holder was just shown this secret, so guessing a code of it gains nothing.
        OptionalLong step = verifier.verify(pending.secret(), code, TotpEnrolment.NO_STEP_USED);
        if (step.isEmpty()) {
            throw ApiError.forbidden("Wrong code: enter the current code your authenticator app shows");
        }
        List<RecoveryCode> codes;
        try {
            // The confirming code is spent like any other, in the same write: it cannot sign in afterwards.
            codes = service.enable(user, pending.secret(), step.getAsLong(), session.generation());
        } catch (SecondFactorAlreadyEnabledException | ChangedMeanwhileException e) {
            throw ApiError.conflict(e.getMessage());
        }
        // The user proved a code of the secret just enabled: as good as signing in with it.
        sessions.upgradeToSecondFactor(session);
        return Reply.ok(Map.of("recoveryCodes", codes.stream().map(RecoveryCode::revealForDisplay).collect(Collectors.toList())));
    }

    Mono<Reply> disable(HttpServerRequest request) {
        return Blocking.call(() -> sessions.authenticate(request))
            .flatMap(early -> JsonBody.read(request, CODE)
                .flatMap(fields -> Blocking.call(() -> disable(sessions.authenticate(request).user(), fields.get("code"), request))));
    }

    private Reply disable(Username user, String code, HttpServerRequest request) {
        if (configuration.secondFactorRequired()) {
            throw ApiError.conflict("TOTP cannot be disabled: this server requires a second factor (secondFactor.required=true)");
        }
        if (store.find(user).isEmpty()) {
            throw ApiError.conflict("TOTP is not enabled");
        }
        // Counted with the sign-in failures of every protocol, and against the codes.
        checks.require(Entrance.CODE, user, code, request,
            () -> ApiError.forbidden("Wrong code: enter a code your authenticator app shows that was not used before, or a recovery code"));
        service.disable(user);
        return Reply.noContent();
    }

    private boolean stillPending(PendingTotpEnrolment pending) {
        return clock.instant().isBefore(pending.startedAt().plus(configuration.selfServiceSessionTimeout()));
    }

    private Username refuseWhenEnabled(Username user) {
        if (store.find(user).isPresent()) {
            throw ApiError.conflict("TOTP is already enabled: disable it before enrolling again");
        }
        return user;
    }
}
