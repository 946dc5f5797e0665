package org.apppasswords.webadmin;

import static org.apache.james.webadmin.Constants.SEPARATOR;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.apppasswords.activity.SignIn;
import org.apppasswords.activity.SignInHistory;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * A user's last 50 sign-ins of the last 30 days (at most 25 refusals), newest first: successes and
 * refusals on every protocol and the self-service page.
 */
public final class ActivityRoutes implements Routes {
    static final String BASE_PATH = "/users" + SEPARATOR + TargetUser.PARAM + SEPARATOR + "activity";

    private final TargetUser targetUser;
    private final SignInHistory history;
    private final Clock clock;
    private final JsonTransformer jsonTransformer;

    @Inject
    ActivityRoutes(TargetUser targetUser, SignInHistory history, Clock clock, JsonTransformer jsonTransformer) {
        this.targetUser = targetUser;
        this.history = history;
        this.clock = clock;
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, this::list, jsonTransformer);
        UnsupportedMethods.refuse(BASE_PATH, "GET", "The activity is written by sign-ins.", service::post, service::put, service::patch,
            service::delete);
        StoreOutageAnswer.register(service);
    }

    private List<Map<String, Object>> list(Request request, Response response) throws UsersRepositoryException {
        Username user = targetUser.resolve(request);
        return history.latest(user, clock.instant().minus(SignInHistory.KEPT_FOR)).stream()
            .map(SignIn::asJson)
            .collect(Collectors.toList());
    }
}
