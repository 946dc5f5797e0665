package org.apppasswords.e2e;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apache.james.utils.GuiceProbe;

import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;

/**
 * Removes a user from James's memory repository directly, bypassing our decorator, the way a
 * user deleted from an LDAP directory disappears without James (or us) being told.
 */
public final class UsersBehindJamesBackProbe implements GuiceProbe {
    static final Module MODULE = binder -> Multibinder.newSetBinder(binder, GuiceProbe.class)
        .addBinding().to(UsersBehindJamesBackProbe.class);

    private final MemoryUsersRepository memoryUsers;

    @Inject
    UsersBehindJamesBackProbe(MemoryUsersRepository memoryUsers) {
        this.memoryUsers = memoryUsers;
    }

    void removeWithoutTellingJames(String user) throws Exception {
        memoryUsers.removeUser(Username.of(user));
    }
}
