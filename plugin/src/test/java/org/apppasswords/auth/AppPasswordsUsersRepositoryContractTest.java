package org.apppasswords.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.lib.UsersRepositoryContract;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apppasswords.configuration.AppPasswordsConfiguration;
import org.apppasswords.hashing.SaltedSha256SecretHasher;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemorySecondFactorStore;
import org.apppasswords.store.memory.MemorySelfServiceSessionStore;
import org.apppasswords.totp.TotpVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * James's own {@link UsersRepositoryContract}, run against both repositories the policy hands
 * James, each over James's memory repository, with and without virtual hosting: the decorators
 * must be invisible to everything but logins.
 */
class AppPasswordsUsersRepositoryContractTest {
    private static LoginPolicy policy() {
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        return new LoginPolicy(new MemoryAppPasswordStore(), new MemorySecondFactorStore(), new MemorySelfServiceSessionStore(),
            new SaltedSha256SecretHasher(random),
            new TotpVerifier(clock), clock, random, AppPasswordsConfiguration.defaults());
    }

    private static MemoryUsersRepository configured(DomainList domainList, Optional<Username> administrator, boolean virtualHosting)
            throws Exception {
        MemoryUsersRepository repository = virtualHosting
            ? MemoryUsersRepository.withVirtualHosting(domainList)
            : MemoryUsersRepository.withoutVirtualHosting(domainList);
        repository.configure(configuration(administrator, virtualHosting));
        return repository;
    }

    private static HierarchicalConfiguration<ImmutableNode> configuration(Optional<Username> administrator, boolean virtualHosting) {
        BaseHierarchicalConfiguration configuration = new BaseHierarchicalConfiguration();
        administrator.ifPresent(username -> configuration.addProperty("administratorId", username.asString()));
        configuration.addProperty("enableVirtualHosting", virtualHosting);
        return configuration;
    }

    /** One run of the contract: which of the policy's repositories, over which memory repository. */
    abstract static class ContractRun {
        private final BiFunction<LoginPolicy, UsersRepository, UsersRepository> wrap;
        private final boolean virtualHosting;
        private UsersRepositoryContract.TestSystem testSystem;
        private UsersRepository testee;

        ContractRun(BiFunction<LoginPolicy, UsersRepository, UsersRepository> wrap, boolean virtualHosting) {
            this.wrap = wrap;
            this.virtualHosting = virtualHosting;
        }

        @BeforeEach
        void setUp(UsersRepositoryContract.TestSystem testSystem) {
            this.testSystem = testSystem;
            DomainList domains = testSystem.getDomainList();
            this.testee = wrap.apply(policy(), virtualHosting
                ? MemoryUsersRepository.withVirtualHosting(domains)
                : MemoryUsersRepository.withoutVirtualHosting(domains));
        }

        public UsersRepository testee() {
            return testee;
        }

        public UsersRepository testee(Optional<Username> administrator) throws Exception {
            return wrap.apply(policy(), configured(testSystem.getDomainList(), administrator, virtualHosting));
        }
    }

    @Nested
    class DecoratedWithVirtualHosting extends ContractRun implements UsersRepositoryContract.WithVirtualHostingContract {
        @RegisterExtension
        UserRepositoryExtension extension = UserRepositoryExtension.withVirtualHost();

        DecoratedWithVirtualHosting() {
            super(LoginPolicy::decorate, true);
        }
    }

    @Nested
    class DecoratedWithoutVirtualHosting extends ContractRun implements UsersRepositoryContract.WithOutVirtualHostingContract {
        @RegisterExtension
        UserRepositoryExtension extension = UserRepositoryExtension.withoutVirtualHosting();

        DecoratedWithoutVirtualHosting() {
            super(LoginPolicy::decorate, false);
        }
    }

    @Nested
    class PrimaryPasswordOnlyWithVirtualHosting extends ContractRun implements UsersRepositoryContract.WithVirtualHostingContract {
        @RegisterExtension
        UserRepositoryExtension extension = UserRepositoryExtension.withVirtualHost();

        PrimaryPasswordOnlyWithVirtualHosting() {
            super((policy, james) -> policy.primaryPasswordOnly(policy.decorate(james), james), true);
        }
    }

    @Nested
    class PrimaryPasswordOnlyWithoutVirtualHosting extends ContractRun implements UsersRepositoryContract.WithOutVirtualHostingContract {
        @RegisterExtension
        UserRepositoryExtension extension = UserRepositoryExtension.withoutVirtualHosting();

        PrimaryPasswordOnlyWithoutVirtualHosting() {
            super((policy, james) -> policy.primaryPasswordOnly(policy.decorate(james), james), false);
        }
    }
}
