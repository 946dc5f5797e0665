package org.apppasswords.webadmin;

import static org.apache.james.webadmin.Constants.SEPARATOR;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.apache.james.webadmin.utils.Responses;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.signout.OpenedWith;
import org.apppasswords.signout.SignOut;
import org.apppasswords.signout.DirectoryPublisher;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * A user's live connections on every node (the IMAP, POP3 and SMTP connections that logged in
 * through the extension; another node's as it published them, at most seconds old), and their end: {@code DELETE} signs them all out, as a revoke-all would, without
 * revoking anything.
 */
public final class ConnectionsRoutes implements Routes {
    static final String BASE_PATH = "/users" + SEPARATOR + TargetUser.PARAM + SEPARATOR + "connections";

    private final TargetUser targetUser;
    private final DirectoryPublisher connections;
    private final SignOut signOut;
    private final AppPasswordStore appPasswords;
    private final JsonTransformer jsonTransformer;

    @Inject
    ConnectionsRoutes(TargetUser targetUser, DirectoryPublisher connections, SignOut signOut, AppPasswordStore appPasswords,
                      JsonTransformer jsonTransformer) {
        this.targetUser = targetUser;
        this.connections = connections;
        this.signOut = signOut;
        this.appPasswords = appPasswords;
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, this::list, jsonTransformer);
        service.delete(BASE_PATH, this::endAll);
        UnsupportedMethods.refuse(BASE_PATH, "GET, DELETE", "Connections are opened by mail clients.", service::post, service::put,
            service::patch);
        StoreOutageAnswer.register(service);
    }

    private List<ConnectionDto> list(Request request, Response response) throws UsersRepositoryException {
        Username user = targetUser.resolve(request);
        Map<String, String> labels = appPasswords.list(user).stream()
            .collect(Collectors.toMap(entry -> entry.id().asString(), StoredAppPassword::label));
        return connections.of(user).stream()
            .map(listed -> new ConnectionDto(listed.connection(), listed.node(),
                listed.connection().appPasswordId().map(labels::get).orElse(null)))
            .collect(Collectors.toList());
    }

    private String endAll(Request request, Response response) throws UsersRepositoryException {
        signOut.end(targetUser.resolve(request), OpenedWith.anything());
        return Responses.returnNoContent(response);
    }
}
