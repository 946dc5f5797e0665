package org.apppasswords.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.lib.UsersRepositoryContract;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apppasswords.modules.TestLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * James's own {@link UsersRepositoryContract}, run against both repositories the login rules hand
 * James (the decorator every protocol sees, and the token endpoint's view), each wired as
 * {@code LoginModule} wires it over James's memory repository, with and without virtual hosting:
 * they must be invisible to everything but logins.
 */
class AppPasswordsUsersRepositoryContractTest {
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

    /** One run of the contract: which of the rules' repositories, over which memory repository. */
    abstract static class ContractRun {
        private final Function<TestLogins, UsersRepository> view;
        private final boolean virtualHosting;
        private final List<TestLogins> opened = new ArrayList<>();
        private UsersRepositoryContract.TestSystem testSystem;
        private UsersRepository testee;

        ContractRun(Function<TestLogins, UsersRepository> view, boolean virtualHosting) {
            this.view = view;
            this.virtualHosting = virtualHosting;
        }

        private UsersRepository wrap(MemoryUsersRepository james) {
            // Forwarded rather than handed over as is: Guice would inject members into James's own object (its validator).
            TestLogins logins = TestLogins.around(new ForwardingUsersRepository(james)).build();
            opened.add(logins);
            return view.apply(logins);
        }

        @BeforeEach
        void setUp(UsersRepositoryContract.TestSystem testSystem) {
            this.testSystem = testSystem;
            DomainList domains = testSystem.getDomainList();
            this.testee = wrap(virtualHosting
                ? MemoryUsersRepository.withVirtualHosting(domains)
                : MemoryUsersRepository.withoutVirtualHosting(domains));
        }

        @AfterEach
        void tearDown() {
            opened.forEach(TestLogins::close);
        }

        public UsersRepository testee() {
            return testee;
        }

        public UsersRepository testee(Optional<Username> administrator) throws Exception {
            return wrap(configured(testSystem.getDomainList(), administrator, virtualHosting));
        }
    }

    @Nested
    class DecoratedWithVirtualHosting extends ContractRun implements UsersRepositoryContract.WithVirtualHostingContract {
        @RegisterExtension
        UsersRepositoryContract.UserRepositoryExtension extension = UsersRepositoryContract.UserRepositoryExtension.withVirtualHost();

        DecoratedWithVirtualHosting() {
            super(logins -> logins.decorator, true);
        }
    }

    @Nested
    class DecoratedWithoutVirtualHosting extends ContractRun implements UsersRepositoryContract.WithOutVirtualHostingContract {
        @RegisterExtension
        UsersRepositoryContract.UserRepositoryExtension extension = UsersRepositoryContract.UserRepositoryExtension.withoutVirtualHosting();

        DecoratedWithoutVirtualHosting() {
            super(logins -> logins.decorator, false);
        }
    }

    @Nested
    class TokenEndpointWithVirtualHosting extends ContractRun implements UsersRepositoryContract.WithVirtualHostingContract {
        @RegisterExtension
        UsersRepositoryContract.UserRepositoryExtension extension = UsersRepositoryContract.UserRepositoryExtension.withVirtualHost();

        TokenEndpointWithVirtualHosting() {
            super(logins -> logins.tokenEndpoint, true);
        }
    }

    @Nested
    class TokenEndpointWithoutVirtualHosting extends ContractRun implements UsersRepositoryContract.WithOutVirtualHostingContract {
        @RegisterExtension
        UsersRepositoryContract.UserRepositoryExtension extension = UsersRepositoryContract.UserRepositoryExtension.withoutVirtualHosting();

        TokenEndpointWithoutVirtualHosting() {
            super(logins -> logins.tokenEndpoint, false);
        }
    }
}
