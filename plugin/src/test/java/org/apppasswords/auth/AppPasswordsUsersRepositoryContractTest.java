package org.apppasswords.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

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
        return new LoginPolicy(new MemoryAppPasswordStore(), new MemorySecondFactorStore(), new SaltedSha256SecretHasher(random),
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

    @Nested
    class DecoratedWithVirtualHosting implements UsersRepositoryContract.WithVirtualHostingContract {
        @RegisterExtension
        UserRepositoryExtension extension = UserRepositoryExtension.withVirtualHost();

        private TestSystem testSystem;
        private UsersRepository testee;

        @BeforeEach
        void setUp(TestSystem testSystem) {
            this.testSystem = testSystem;
            this.testee = policy().decorate(MemoryUsersRepository.withVirtualHosting(testSystem.getDomainList()));
        }

        @Override
        public UsersRepository testee() {
            return testee;
        }

        @Override
        public UsersRepository testee(Optional<Username> administrator) throws Exception {
            return policy().decorate(configured(testSystem.getDomainList(), administrator, true));
        }
    }

    @Nested
    class DecoratedWithoutVirtualHosting implements UsersRepositoryContract.WithOutVirtualHostingContract {
        @RegisterExtension
        UserRepositoryExtension extension = UserRepositoryExtension.withoutVirtualHosting();

        private TestSystem testSystem;
        private UsersRepository testee;

        @BeforeEach
        void setUp(TestSystem testSystem) {
            this.testSystem = testSystem;
            this.testee = policy().decorate(MemoryUsersRepository.withoutVirtualHosting(testSystem.getDomainList()));
        }

        @Override
        public UsersRepository testee() {
            return testee;
        }

        @Override
        public UsersRepository testee(Optional<Username> administrator) throws Exception {
            return policy().decorate(configured(testSystem.getDomainList(), administrator, false));
        }
    }

    @Nested
    class PrimaryPasswordOnlyWithVirtualHosting implements UsersRepositoryContract.WithVirtualHostingContract {
        @RegisterExtension
        UserRepositoryExtension extension = UserRepositoryExtension.withVirtualHost();

        private TestSystem testSystem;
        private UsersRepository testee;

        @BeforeEach
        void setUp(TestSystem testSystem) {
            this.testSystem = testSystem;
            this.testee = policy().primaryPasswordOnly(MemoryUsersRepository.withVirtualHosting(testSystem.getDomainList()));
        }

        @Override
        public UsersRepository testee() {
            return testee;
        }

        @Override
        public UsersRepository testee(Optional<Username> administrator) throws Exception {
            return policy().primaryPasswordOnly(configured(testSystem.getDomainList(), administrator, true));
        }
    }

    @Nested
    class PrimaryPasswordOnlyWithoutVirtualHosting implements UsersRepositoryContract.WithOutVirtualHostingContract {
        @RegisterExtension
        UserRepositoryExtension extension = UserRepositoryExtension.withoutVirtualHosting();

        private TestSystem testSystem;
        private UsersRepository testee;

        @BeforeEach
        void setUp(TestSystem testSystem) {
            this.testSystem = testSystem;
            this.testee = policy().primaryPasswordOnly(MemoryUsersRepository.withoutVirtualHosting(testSystem.getDomainList()));
        }

        @Override
        public UsersRepository testee() {
            return testee;
        }

        @Override
        public UsersRepository testee(Optional<Username> administrator) throws Exception {
            return policy().primaryPasswordOnly(configured(testSystem.getDomainList(), administrator, false));
        }
    }
}
