package org.apppasswords.webadmin;

import static org.apache.james.webadmin.utils.ErrorResponder.ErrorType.INVALID_ARGUMENT;
import static org.apache.james.webadmin.utils.ErrorResponder.ErrorType.NOT_FOUND;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apppasswords.lifecycle.UserSecrets;
import org.eclipse.jetty.http.HttpStatus;

import spark.Request;

/**
 * Resolves the {@code {user}} of an admin route. A name {@link Username#of} refuses (blank, over
 * 255 characters, several {@code @}...) gets 400, as James's own user routes answer. A name James
 * does not know gets 404 unless something of ours is still stored for it: what remains of a user
 * removed from an external directory can still be listed and revoked.
 */
final class TargetUser {
    static final String PARAM = ":user";

    private final UsersRepository usersRepository;
    private final UserSecrets userSecrets;

    @Inject
    TargetUser(UsersRepository usersRepository, UserSecrets userSecrets) {
        this.usersRepository = usersRepository;
        this.userSecrets = userSecrets;
    }

    Username resolve(Request request) throws UsersRepositoryException {
        Username user = parse(request.params(PARAM));
        if (!usersRepository.contains(user) && !userSecrets.holdsAny(user)) {
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.NOT_FOUND_404)
                .type(NOT_FOUND)
                .message("User '%s' does not exist and holds no app password or second factor", user.asString())
                .haltError();
        }
        return user;
    }

    private static Username parse(String raw) {
        try {
            return Username.of(raw);
        } catch (IllegalArgumentException e) {
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.BAD_REQUEST_400)
                .type(INVALID_ARGUMENT)
                .message("Invalid username")
                .cause(e)
                .haltError();
        }
    }
}
