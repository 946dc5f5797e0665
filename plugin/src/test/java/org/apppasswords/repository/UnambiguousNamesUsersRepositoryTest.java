package org.apppasswords.repository;

import static org.apppasswords.login.LoginFixture.ALICE;
import static org.apppasswords.login.LoginFixture.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.api.model.User;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.login.LoginFixture;
import org.apppasswords.testing.CountingUsersRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import reactor.core.publisher.Mono;

/**
 * The decorator over a directory that matches names as LDAP's {@code caseIgnoreMatch} does
 * (spaces trimmed, compatibility forms folded, case ignored), seen through
 * {@link UnambiguousNamesUsersRepository}: a name the directory would resolve to alice but that is
 * another user to James never reaches the directory, so alice's second factor cannot be bypassed.
 */
class UnambiguousNamesUsersRepositoryTest {
    private LoginFixture fixture;
    private CountingUsersRepository directory;
    private AppPassword alicesPassword;

    @BeforeEach
    void setUp() throws Exception {
        fixture = LoginFixture.builder().wrapJames(james -> {
            directory = new CountingUsersRepository(new LooselyMatching(james));
            return new UnambiguousNamesUsersRepository(directory);
        }).build();
        fixture.enableTotp(ALICE);
        alicesPassword = fixture.createAppPassword(ALICE);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {" alice@example.org", "  alice@example.org", "\talice@example.org", "\uff41lice@example.org",
        "alice\u00a0@example.org", "al\u0000ice@example.org"})
    void looseVariantOfANameShouldNotLogInWithTheBareDirectoryPassword(String variant) throws Exception {
        Username name = Username.of(variant);
        assertThat(new LooselyMatching(fixture.jamesItself).test(name, ALICE_PASSWORD)).as("the directory alone matches it").isTrue();

        assertThat(fixture.login(name, ALICE_PASSWORD)).isFalse();
        assertThat(directory.calls()).as("never asked: no lookup, no bind").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {" alice@example.org", "\uff41lice@example.org", "\u00e0lice@example.org"})
    void looseVariantShouldBeUnknownToEveryQuestion(String variant) throws Exception {
        Username name = Username.of(variant);

        assertThat(fixture.decorator.contains(name)).isFalse();
        assertThat(fixture.decorator.getUserByName(name)).isNull();
        assertThat(Mono.from(fixture.decorator.containsReactive(name)).block()).isFalse();
        assertThat(fixture.login(name, alicesPassword.reveal())).isFalse();
        assertThat(directory.contains.get() + directory.lookups.get() + directory.passwordChecks.get() + directory.tests.get())
            .as("no lookup, no bind").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.org", "ALICE@example.org", "Alice@EXAMPLE.org"})
    void printableAsciiNameShouldReachTheDirectory(String spelling) throws Exception {
        Username name = Username.of(spelling);

        assertThat(fixture.decorator.contains(name)).isTrue();
        assertThat(fixture.login(name, ALICE_PASSWORD + "$" + fixture.currentCode())).isTrue();
        assertThat(fixture.login(name, alicesPassword.reveal())).isTrue();
        assertThat(fixture.login(name, ALICE_PASSWORD)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"o'brien+tag@example.org", "a!#$%&*/=?^_`{|}~-@example.org"})
    void unambiguousShouldAcceptEveryPrintableAsciiCharacter(String spelling) {
        assertThat(UnambiguousNamesUsersRepository.unambiguous(Username.of(spelling))).isTrue();
    }

    /** A directory whose lookups fold names the way LDAP's caseIgnoreMatch does, before asking James's memory repository. */
    private static final class LooselyMatching extends ForwardingUsersRepository {
        LooselyMatching(UsersRepository delegate) {
            super(delegate);
        }

        private static Username fold(Username name) {
            String folded = Normalizer.normalize(name.asString(), Normalizer.Form.NFKC)
                .replaceAll("[\\p{Cc}\\p{Cf}]", "")
                .replace('\u00a0', ' ')
                .replace(" ", "")
                .toLowerCase(Locale.ROOT);
            return Username.of(folded);
        }

        @Override
        public boolean test(Username name, String password) throws UsersRepositoryException {
            return delegate.test(fold(name), password);
        }

        @Override
        public boolean contains(Username name) throws UsersRepositoryException {
            return delegate.contains(fold(name));
        }

        @Override
        public User getUserByName(Username name) throws UsersRepositoryException {
            return delegate.getUserByName(fold(name));
        }
    }
}
