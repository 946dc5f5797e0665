package org.apppasswords.selfservice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordLimitException;
import org.apppasswords.apppassword.AppPasswordService;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.CreatedAppPassword;
import org.apppasswords.apppassword.IdleExpiry;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.audit.AuditLog.Actor;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.configuration.ClientSettings;
import org.apppasswords.login.Entrance;
import org.apppasswords.scope.ProtocolScope;
import org.apppasswords.selfservice.device.Device;
import org.apppasswords.session.SelfServiceSession;
import org.apppasswords.signout.DirectoryPublisher;
import org.apppasswords.store.ChangedMeanwhileException;
import org.apppasswords.totp.SecondFactorStore;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * The user's own app passwords: list, create (the primary password again in the body, so that a
 * stolen token alone mints nothing permanent; optionally the protocols it is limited to, fixed
 * once created, and the device to set up, see {@link DeviceSetup}), revoke one, revoke all. With
 * {@code appPasswords.requireSecondFactor=true} (the default) every route needs TOTP enabled and a
 * session that proved it; otherwise 403. Labels need not be unique: the id tells entries apart.
 */
final class AppPasswordRoutes {
    private static final Set<String> CREATE_FIELDS = Set.of("label", "password");
    private static final String PROTOCOLS = "protocols";

    private final Sessions sessions;
    private final AppPasswordService service;
    private final AppPasswordStore store;
    private final SecondFactorStore secondFactors;
    private final Checks checks;
    private final boolean requireSecondFactor;
    private final IdleExpiry idleExpiry;
    private final DirectoryPublisher connections;
    private final ClientSettings clients;
    private final DeviceSetup devices;

    @Inject
    AppPasswordRoutes(Sessions sessions, AppPasswordService service, AppPasswordStore store, SecondFactorStore secondFactors,
                      Checks checks, AppPasswordsConfiguration configuration, IdleExpiry idleExpiry, DirectoryPublisher connections,
                      ClientSettings clients, DeviceSetup devices) {
        this.sessions = sessions;
        this.service = service;
        this.store = store;
        this.secondFactors = secondFactors;
        this.checks = checks;
        this.requireSecondFactor = configuration.appPasswordsRequireSecondFactor();
        this.idleExpiry = idleExpiry;
        this.connections = connections;
        this.clients = clients;
        this.devices = devices;
    }

    Mono<Reply> list(HttpServerRequest request) {
        return Blocking.call(() -> {
            Username user = allowedUser(sessions.authenticate(request));
            Map<String, Long> live = connections.perAppPassword(user);
            List<Map<String, Object>> entries = store.list(user).stream()
                .map(entry -> describe(entry, idleExpiry.isExpired(entry), live.getOrDefault(entry.id().asString(), 0L)))
                .collect(Collectors.toList());
            return Reply.ok(entries);
        });
    }

    Mono<Reply> create(HttpServerRequest request) {
        // Checked before the body and again after it, as TotpRoutes does.
        return Blocking.call(() -> allowedUser(sessions.authenticate(request)))
            .flatMap(early -> JsonBody.read(request, CREATE_FIELDS, Set.of(DeviceSetup.FIELD), Set.of(PROTOCOLS))
                .flatMap(fields -> Blocking.call(() -> create(sessions.authenticate(request), fields.get("label"), fields.get("password"),
                    protocols(fields.list(PROTOCOLS)), fields.optional(DeviceSetup.FIELD), request))));
    }

    /** Absent: all; read before the password check, so that a bad value costs no guess. */
    private static ProtocolScope protocols(Optional<List<String>> names) {
        try {
            return names.map(ProtocolScope::ofApiNames).orElse(ProtocolScope.all());
        } catch (IllegalArgumentException e) {
            // ProtocolScope's message: it names the field and the allowed values, with at most a short part of the input.
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private Reply create(SelfServiceSession session, String label, String primaryPassword, ProtocolScope protocols,
                         Optional<String> deviceField, HttpServerRequest request) {
        Username user = allowedUser(session);
        // Like the protocols, read before the password check: a bad value costs no guess.
        Device device = devices.choose(deviceField, protocols, user);
        // Counted with the sign-in failures of every protocol: a stolen token must not become a guessing oracle.
        checks.require(Entrance.STEP_UP, user, primaryPassword, request,
            () -> ApiError.forbidden("Wrong password: creating an app password needs your primary password in the field 'password'"));
        CreatedAppPassword created;
        try {
            // The generation read with the session, before the password check: a revocation since refuses this.
            created = service.create(user, label, protocols, session.generation(), ClientOrigin.of(request).address());
        } catch (AppPasswordLimitException | ChangedMeanwhileException e) {
            throw ApiError.conflict(e.getMessage());
        } catch (IllegalArgumentException e) {
            // AppPasswordLabel's message: safe, and it never holds the label.
            throw ApiError.badRequest(e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", created.entry().id().asString());
        body.put("label", created.entry().label());
        body.put("createdAt", created.entry().createdAt().toString());
        body.put("protocols", created.entry().protocols().apiNames());
        body.put("password", created.password().revealForDisplay());
        if (clients.configured()) {
            body.put("settings", ClientSettingsAnswer.of(clients, user));
        }
        devices.answer(device, user, created).ifPresent(answer -> body.put("device", answer));
        return Reply.json(HttpResponseStatus.CREATED, body);
    }

    Mono<Reply> revoke(HttpServerRequest request) {
        String rawId = request.param("id");
        return Blocking.call(() -> {
            Username user = allowedUser(sessions.authenticate(request));
            AppPasswordId id = AppPasswordId.parse(rawId).orElseThrow(AppPasswordRoutes::unknownId);
            if (!service.revoke(user, id, Actor.USER)) {
                throw unknownId();
            }
            return Reply.noContent();
        });
    }

    Mono<Reply> revokeAll(HttpServerRequest request) {
        return Blocking.call(() -> {
            service.revokeAll(allowedUser(sessions.authenticate(request)), Actor.USER);
            return Reply.noContent();
        });
    }

    private Username allowedUser(SelfServiceSession session) {
        boolean secondFactorHeld = session.secondFactorVerified() && secondFactors.find(session.user()).isPresent();
        if (requireSecondFactor && !secondFactorHeld) {
            throw ApiError.forbidden("Enable TOTP first (POST /app-passwords-api/totp, then POST /app-passwords-api/totp/confirm):"
                + " this server requires a second factor before app passwords");
        }
        return session.user();
    }

    private static ApiError unknownId() {
        return ApiError.notFound("You hold no app password with this id");
    }

    static Map<String, Object> describe(StoredAppPassword entry, boolean expired, long liveConnections) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("id", entry.id().asString());
        description.put("label", entry.label());
        description.put("createdAt", entry.createdAt().toString());
        description.put("lastUsedAt", entry.lastUsedAt().map(Object::toString).orElse(null));
        description.put("lastUsedProtocol", entry.lastUsedProtocol().orElse(null));
        description.put("lastUsedAddress", entry.lastUsedAddress().orElse(null));
        description.put("protocols", entry.protocols().apiNames());
        description.put("expired", expired);
        description.put("liveConnections", liveConnections);
        return description;
    }
}
