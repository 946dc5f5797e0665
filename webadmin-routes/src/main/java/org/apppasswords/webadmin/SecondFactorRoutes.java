package org.apppasswords.webadmin;

import static org.apache.james.webadmin.Constants.SEPARATOR;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.apache.james.webadmin.utils.Responses;
import org.apppasswords.lifecycle.UserSecrets;
import org.apppasswords.totp.SecondFactorStore;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Admin routes over a user's second factor: inspect it (never the seed or a recovery code), and
 * reset it when the user lost their phone. A reset removes TOTP, the recovery codes and any pending
 * enrolment, and ends the user's self-service sessions; the app passwords stay. Behind WebAdmin's
 * authentication, like every route under {@link #getBasePath()}.
 */
public final class SecondFactorRoutes implements Routes {
    static final String BASE_PATH = "/users" + SEPARATOR + TargetUser.PARAM + SEPARATOR + "second-factor";
    private static final String NO_ENROLMENT = "Users enrol TOTP themselves through the self-service API.";

    private final TargetUser targetUser;
    private final SecondFactorStore store;
    private final UserSecrets userSecrets;
    private final JsonTransformer jsonTransformer;

    @Inject
    SecondFactorRoutes(TargetUser targetUser, SecondFactorStore store, UserSecrets userSecrets, JsonTransformer jsonTransformer) {
        this.targetUser = targetUser;
        this.store = store;
        this.userSecrets = userSecrets;
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, this::show, jsonTransformer);
        service.delete(BASE_PATH, this::reset);
        UnsupportedMethods.refuse(BASE_PATH, "GET, DELETE", NO_ENROLMENT, service::post, service::put, service::patch);
    }

    private SecondFactorDto show(Request request, Response response) throws UsersRepositoryException {
        Username user = targetUser.resolve(request);
        return SecondFactorDto.from(store.find(user));
    }

    private String reset(Request request, Response response) throws UsersRepositoryException {
        Username user = targetUser.resolve(request);
        userSecrets.resetSecondFactor(user);
        return Responses.returnNoContent(response);
    }
}
