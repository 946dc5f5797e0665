package org.apppasswords.james;

import javax.inject.Named;
import javax.inject.Singleton;

import org.apache.james.data.UsersRepositoryModuleChooser;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.ldap.ReadOnlyUsersLDAPRepository;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apppasswords.modules.LoginModule;
import org.apppasswords.repository.AppPasswordsUsersRepository;
import org.apppasswords.repository.UnambiguousNamesUsersRepository;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.name.Names;
import com.google.inject.util.Modules;

/**
 * Replaces James's {@code UsersRepository} binding with our decorator around the repository
 * James would have used: the memory one, or the LDAP one when {@code usersrepository.xml} names an
 * {@code ldapHost} (the same choice {@link UsersRepositoryModuleChooser} makes; the LDAP one
 * through {@link UnambiguousNamesUsersRepository}). The wrapped repository stays a singleton that
 * James configures and initialises as usual; {@link LoginModule} builds the decorator around it.
 */
final class UsersRepositoryDecoratorModule {
    private UsersRepositoryDecoratorModule() {
    }

    static Module forImplementation(UsersRepositoryModuleChooser.Implementation implementation) {
        switch (implementation) {
            case LDAP:
                return Modules.combine(new WrapLdap(), new Decorate());
            case DEFAULT:
                return Modules.combine(new WrapMemory(), new Decorate());
            default:
                throw new IllegalArgumentException(implementation + " users repository is not supported by the app passwords launcher");
        }
    }

    private static final class WrapMemory extends AbstractModule {
        @Override
        protected void configure() {
            bind(UsersRepository.class).annotatedWith(Names.named(LoginModule.WRAPPED)).to(MemoryUsersRepository.class);
        }
    }

    private static final class WrapLdap extends AbstractModule {
        /** James's LDAP repository, seen only under names the directory cannot match loosely (see the view's contract). */
        @Provides
        @Singleton
        @Named(LoginModule.WRAPPED)
        UsersRepository wrapped(ReadOnlyUsersLDAPRepository ldap) {
            return new UnambiguousNamesUsersRepository(ldap);
        }
    }

    private static final class Decorate extends AbstractModule {
        @Override
        protected void configure() {
            bind(UsersRepository.class).to(AppPasswordsUsersRepository.class);
        }
    }
}
