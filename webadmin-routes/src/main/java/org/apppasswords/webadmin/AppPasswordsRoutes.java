package org.apppasswords.webadmin;

import static org.apache.james.webadmin.Constants.SEPARATOR;
import static org.apache.james.webadmin.utils.ErrorResponder.ErrorType.INVALID_ARGUMENT;
import static org.apache.james.webadmin.utils.ErrorResponder.ErrorType.NOT_FOUND;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.apache.james.webadmin.utils.Responses;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordService;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.IdleExpiry;
import org.apppasswords.audit.AuditLog.Actor;
import org.apppasswords.signout.DirectoryPublisher;
import org.eclipse.jetty.http.HttpStatus;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Admin routes over a user's app passwords: list them (never a secret or hash), revoke one, revoke
 * all. Admins cannot create one: the secret is the user's alone. Behind WebAdmin's authentication
 * (JWT in James 3.8.1), which James applies to {@link #getBasePath()} and everything under it.
 * A revocation takes effect on the next login: every login reads the store.
 */
public final class AppPasswordsRoutes implements Routes {
    static final String BASE_PATH = "/users" + SEPARATOR + TargetUser.PARAM + SEPARATOR + "app-passwords";
    private static final String ID_PARAM = ":id";
    private static final String ITEM_PATH = BASE_PATH + SEPARATOR + ID_PARAM;
    private static final String NO_CREATION = "Users create their own app passwords through the self-service API.";

    private final TargetUser targetUser;
    private final AppPasswordStore store;
    private final AppPasswordService service;
    private final IdleExpiry idleExpiry;
    private final DirectoryPublisher connections;
    private final JsonTransformer jsonTransformer;

    @Inject
    AppPasswordsRoutes(TargetUser targetUser, AppPasswordStore store, AppPasswordService service, IdleExpiry idleExpiry,
                       DirectoryPublisher connections, JsonTransformer jsonTransformer) {
        this.targetUser = targetUser;
        this.store = store;
        this.service = service;
        this.idleExpiry = idleExpiry;
        this.connections = connections;
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, this::list, jsonTransformer);
        service.delete(BASE_PATH, this::revokeAll);
        service.delete(ITEM_PATH, this::revoke);
        UnsupportedMethods.refuse(BASE_PATH, "GET, DELETE", NO_CREATION, service::post, service::put, service::patch);
        UnsupportedMethods.refuse(ITEM_PATH, "DELETE", NO_CREATION, service::get, service::post, service::put, service::patch);
        StoreOutageAnswer.register(service);
    }

    private List<AppPasswordDto> list(Request request, Response response) throws UsersRepositoryException {
        Username user = targetUser.resolve(request);
        Map<String, Long> live = connections.perAppPassword(user);
        return store.list(user).stream()
            .map(entry -> AppPasswordDto.from(entry, idleExpiry.isExpired(entry), live.getOrDefault(entry.id().asString(), 0L)))
            .collect(Collectors.toList());
    }

    private String revokeAll(Request request, Response response) throws UsersRepositoryException {
        Username user = targetUser.resolve(request);
        service.revokeAll(user, Actor.ADMIN);
        return Responses.returnNoContent(response);
    }

    private String revoke(Request request, Response response) throws UsersRepositoryException {
        Username user = targetUser.resolve(request);
        AppPasswordId id = parseId(request.params(ID_PARAM));
        if (!service.revoke(user, id, Actor.ADMIN)) {
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.NOT_FOUND_404)
                .type(NOT_FOUND)
                .message("User '%s' has no app password with id '%s'", user.asString(), id.asString())
                .haltError();
        }
        return Responses.returnNoContent(response);
    }

    /** Ids are public, but a malformed one is not echoed: it may be anything, a pasted secret included. */
    private static AppPasswordId parseId(String raw) {
        return AppPasswordId.parse(raw)
            .orElseThrow(() -> ErrorResponder.builder()
                .statusCode(HttpStatus.BAD_REQUEST_400)
                .type(INVALID_ARGUMENT)
                .message("Invalid app password id: expected %d lowercase letters or digits", AppPasswordId.LENGTH)
                .haltError());
    }
}
