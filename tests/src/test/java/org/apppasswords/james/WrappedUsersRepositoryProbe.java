package org.apppasswords.james;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.user.api.UsersRepository;
import org.apache.james.utils.GuiceProbe;

import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;

/** Test-only view of the launcher's wiring: the repository James uses, and the one it wraps. */
public final class WrappedUsersRepositoryProbe implements GuiceProbe {
    public static final Module MODULE = binder -> Multibinder.newSetBinder(binder, GuiceProbe.class)
        .addBinding().to(WrappedUsersRepositoryProbe.class);

    private final UsersRepository used;
    private final UsersRepository wrapped;

    @Inject
    WrappedUsersRepositoryProbe(UsersRepository used, @Named(UsersRepositoryDecoratorModule.WRAPPED) UsersRepository wrapped) {
        this.used = used;
        this.wrapped = wrapped;
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
