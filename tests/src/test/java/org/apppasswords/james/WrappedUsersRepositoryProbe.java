package org.apppasswords.james;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.ldap.ReadOnlyUsersLDAPRepository;
import org.apache.james.utils.GuiceProbe;
import org.apppasswords.login.LoginPipeline;
import org.apppasswords.modules.LoginModule;
import org.apppasswords.throttle.Throttle;

import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;

/** Test-only view of the launcher's wiring: the repository James uses, the one it wraps, and the login pipeline. */
public final class WrappedUsersRepositoryProbe implements GuiceProbe {
    public static final Module MODULE = binder -> Multibinder.newSetBinder(binder, GuiceProbe.class)
        .addBinding().to(WrappedUsersRepositoryProbe.class);

    private final UsersRepository used;
    private final UsersRepository wrapped;
    private final Injector injector;

    @Inject
    WrappedUsersRepositoryProbe(UsersRepository used, @Named(LoginModule.WRAPPED) UsersRepository wrapped,
                                Injector injector) {
        this.used = used;
        this.wrapped = wrapped;
        this.injector = injector;
    }

    /** James's LDAP repository singleton (only for a server configured for LDAP). */
    public UsersRepository ldap() {
        return injector.getInstance(ReadOnlyUsersLDAPRepository.class);
    }

    /**
     * Whether the injector gives every login path (protocols, self-service, draft JMAP) the same
     * {@link LoginPipeline}, and with it the same {@link Throttle}.
     */
    public boolean oneLoginPipeline() {
        return injector.getInstance(LoginPipeline.class) == injector.getInstance(LoginPipeline.class)
            && injector.getInstance(Throttle.class) == injector.getInstance(Throttle.class);
    }

    /** The {@code UsersRepository} every James protocol is given. */
    public UsersRepository used() {
        return used;
    }

    /** The repository James configured from {@code usersrepository.xml}, which {@link #used()} wraps. */
    public UsersRepository wrapped() {
        return wrapped;
    }
}
