package org.apppasswords.james;

import java.security.SecureRandom;

import javax.inject.Named;
import javax.inject.Singleton;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.data.UsersRepositoryModuleChooser;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.ldap.ReadOnlyUsersLDAPRepository;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apppasswords.auth.DecoyUser;
import org.apppasswords.auth.LoginPolicy;
import org.apppasswords.auth.PrimaryPasswordCheck;
import org.apppasswords.auth.SelfServiceSignIn;
import org.apppasswords.auth.UnambiguousNamesUsersRepository;

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
 * James configures and initialises as usual.
 */
final class UsersRepositoryDecoratorModule {
    /** Names the repository James configured, which our decorator wraps. */
    static final String WRAPPED = "app-passwords-wrapped-users-repository";
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
            bind(UsersRepository.class).annotatedWith(Names.named(WRAPPED)).to(MemoryUsersRepository.class);
        }

        /** Unknown names cost a decoy hash with the algorithm James hashes its users' passwords with. */
        @Provides
        @Singleton
        PrimaryPasswordCheck primaryPasswordCheck(ConfigurationProvider configurationProvider, SecureRandom random)
                throws ConfigurationException {
            return PrimaryPasswordCheck.withDecoy(DecoyUser.hashedAs(configurationProvider.getConfiguration("usersrepository"), random));
        }
    }

    private static final class WrapLdap extends AbstractModule {
        @Override
        protected void configure() {
            // The directory's bind cannot be imitated here: an unknown name answers faster.
            bind(PrimaryPasswordCheck.class).toInstance(PrimaryPasswordCheck.delegating());
        }

        /** James's LDAP repository, seen only under names the directory cannot match loosely (see the view's contract). */
        @Provides
        @Singleton
        @Named(WRAPPED)
        UsersRepository wrapped(ReadOnlyUsersLDAPRepository ldap) {
            return new UnambiguousNamesUsersRepository(ldap);
        }
    }

    /**
     * James's repositories depend on the {@code UsersRepository} they are wrapped into (through
     * their {@code UserEntityValidator}). Asking for the wrapped one through an interface-typed
     * key lets Guice break that cycle with a proxy, as it does for James's own binding.
     */
    private static final class Decorate extends AbstractModule {
        @Provides
        @Singleton
        UsersRepository usersRepository(@Named(WRAPPED) UsersRepository wrapped, PrimaryPasswordCheck primaryPasswordCheck,
                                        LoginPolicy policy) {
            return policy.decorate(wrapped, primaryPasswordCheck);
        }

        /** The self-service API's checks: James's repository for primary passwords, the same check as the decorator's. */
        @Provides
        @Singleton
        SelfServiceSignIn selfServiceSignIn(@Named(WRAPPED) UsersRepository wrapped, PrimaryPasswordCheck primaryPasswordCheck,
                                            LoginPolicy policy) {
            return policy.selfServiceSignIn(wrapped, primaryPasswordCheck);
        }
    }
}
