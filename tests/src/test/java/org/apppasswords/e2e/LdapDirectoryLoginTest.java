package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.Username;
import org.apache.james.user.ldap.ReadOnlyUsersLDAPRepository;
import org.apppasswords.apppassword.CreatedAppPassword;
import org.apppasswords.james.WrappedUsersRepositoryProbe;
import org.apppasswords.repository.AppPasswordsUsersRepository;
import org.apppasswords.repository.UnambiguousNamesUsersRepository;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Users who live in a real OpenLDAP directory ({@link TestSlapd}), with James started through the
 * launcher on an LDAP {@code usersrepository.xml}: the decorator wraps James's LDAP repository,
 * the primary password is checked by James's LDAP bind, existence comes from the directory, and
 * app passwords and TOTP live in our store. Proven over IMAP and SMTP (and the other protocols).
 */
class LdapDirectoryLoginTest {
    static final String LDAP_PASSWORD = TotpUser.PRIMARY_PASSWORD;

    @RegisterExtension
    @Order(1)
    static TestSlapd slapd = new TestSlapd();

    @RegisterExtension
    @Order(2)
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults()
        .withUsersRepository(() -> slapd.usersRepositoryXml())
        .withTestModule(WrappedUsersRepositoryProbe.MODULE);

    /** A person added to the directory, then given TOTP and two app passwords through our API. */
    static TotpUser ldapUserWithTotp(String prefix) throws Exception {
        String name = TotpUser.newUserName(prefix);
        slapd.addUser(name, LDAP_PASSWORD);
        return TotpUser.enrol(james, name);
    }

    @Test
    void launcherShouldWrapJamesConfiguredLdapRepository() throws Exception {
        String name = TotpUser.newUserName("wired");
        slapd.addUser(name, LDAP_PASSWORD);
        WrappedUsersRepositoryProbe probe = james.server().getProbe(WrappedUsersRepositoryProbe.class);

        assertThat(probe.used()).isInstanceOf(AppPasswordsUsersRepository.class);
        assertThat(probe.wrapped()).isInstanceOf(UnambiguousNamesUsersRepository.class);
        assertThat(probe.ldap()).isInstanceOf(ReadOnlyUsersLDAPRepository.class);
        assertThat(probe.ldap().contains(Username.of(name))).isTrue();
        assertThat(probe.wrapped().contains(Username.of(name))).isTrue();
        assertThat(probe.used().isReadOnly()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void appPasswordShouldBeAccepted(Protocol protocol) throws Exception {
        TotpUser user = ldapUserWithTotp("app");

        assertThat(protocol.login(james.ports(), user.name, user.appPassword.password().reveal())).isTrue();
        assertThat(protocol.login(james.ports(), user.name, user.secondAppPassword.password().revealForDisplay())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void ldapPasswordWithCodeShouldBeAccepted(Protocol protocol) throws Exception {
        TotpUser user = ldapUserWithTotp("code");

        assertThat(protocol.login(james.ports(), user.name, user.primaryWithCurrentCode())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void bareLdapPasswordShouldBeRefusedOnceTotpIsEnabled(Protocol protocol) throws Exception {
        TotpUser user = ldapUserWithTotp("bare");

        assertThat(protocol.login(james.ports(), user.name, LDAP_PASSWORD)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void wrongLdapPasswordShouldBeRefusedEvenWithAValidCode(Protocol protocol) throws Exception {
        TotpUser user = ldapUserWithTotp("wrong");
        String wrong = "Not-The-Ldap-Password$" + user.codeForStep(TotpUser.currentStep());

        assertThat(protocol.login(james.ports(), user.name, wrong)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void revokedAppPasswordShouldBeRefused(Protocol protocol) throws Exception {
        TotpUser user = ldapUserWithTotp("revoked");

        james.appPasswords().revokeAppPassword(Username.of(user.name), user.appPassword.password().id());

        assertThat(protocol.login(james.ports(), user.name, user.appPassword.password().reveal())).isFalse();
        assertThat(protocol.login(james.ports(), user.name, user.secondAppPassword.password().reveal())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void userDeletedFromLdapShouldBeRefusedEvenWithAValidAppPassword(Protocol protocol) throws Exception {
        TotpUser user = ldapUserWithTotp("deleted");
        assertThat(protocol.login(james.ports(), user.name, user.appPassword.password().reveal())).isTrue();

        slapd.deleteUser(user.name);

        assertThat(protocol.login(james.ports(), user.name, user.appPassword.password().reveal())).isFalse();
        assertThat(protocol.login(james.ports(), user.name, user.primaryWithCode(user.codeForStep(TotpUser.currentStep() + 1)))).isFalse();
        assertThat(james.appPasswords().listAppPasswords(Username.of(user.name))).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void ldapUserWithoutTotpShouldLogInWithTheLdapPasswordAlone(Protocol protocol) throws Exception {
        String name = TotpUser.newUserName("plain");
        slapd.addUser(name, LDAP_PASSWORD);

        assertThat(protocol.login(james.ports(), name, LDAP_PASSWORD)).isTrue();
        assertThat(protocol.login(james.ports(), name, "Not-The-Ldap-Password")).isFalse();
    }

    /**
     * The directory matches {@code uid} loosely (caseIgnoreMatch: insignificant spaces, Unicode
     * compatibility forms), so it finds alice's entry, and binds with alice's password, for names
     * that are other users to James, users without alice's second factor.
     */
    @ParameterizedTest
    @EnumSource(Protocol.class)
    void nameWithLeadingSpacesShouldNotBypassTheSecondFactor(Protocol protocol) throws Exception {
        TotpUser user = ldapUserWithTotp("loose");

        assertThat(protocol.login(james.ports(), " " + user.name, LDAP_PASSWORD)).as("leading space").isFalse();
        assertThat(protocol.login(james.ports(), "  " + user.name, LDAP_PASSWORD)).as("two leading spaces").isFalse();
        assertThat(protocol.login(james.ports(), user.name, LDAP_PASSWORD)).isFalse();
    }

    /** IMAP LOGIN is left out: its quoted strings are 7-bit, James answers BAD before any check. */
    @ParameterizedTest
    @EnumSource(value = Protocol.class, mode = EnumSource.Mode.EXCLUDE, names = "IMAP_LOGIN")
    void nameWithAFullWidthLetterShouldNotBypassTheSecondFactor(Protocol protocol) throws Exception {
        TotpUser user = ldapUserWithTotp("wide");

        assertThat(protocol.login(james.ports(), "\uff57" + user.name.substring(1), LDAP_PASSWORD)).isFalse();
    }

    @Test
    void appPasswordShouldNotLogInAnotherLdapUser() throws Exception {
        TotpUser alice = ldapUserWithTotp("alice");
        TotpUser bob = ldapUserWithTotp("bob");

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), bob.name, alice.appPassword.password().reveal())).isFalse();
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), bob.name, alice.appPassword.password().reveal())).isFalse();
    }

    @Test
    void ldapAdministratorShouldNotLogInWithAnAppPassword() throws Exception {
        slapd.addUser(JamesWithAppPasswords.ADMIN, LDAP_PASSWORD);
        CreatedAppPassword adminsAppPassword = TotpUser.mint(james, Username.of(JamesWithAppPasswords.ADMIN), "Admin client");

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), JamesWithAppPasswords.ADMIN, adminsAppPassword.password().reveal())).isFalse();
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), JamesWithAppPasswords.ADMIN, adminsAppPassword.password().reveal())).isFalse();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), JamesWithAppPasswords.ADMIN, LDAP_PASSWORD)).isTrue();
    }

    /**
     * A password changed directly in the directory is what the next bind checks: the new one with a
     * code opens, the old one no longer does. James is not told, so the app passwords stay (the
     * limit docs/ldap.md describes: no {@code onPrimaryPasswordChange} here).
     */
    @Test
    void passwordChangedInLdapShouldBeTheOneCheckedWhileAppPasswordsStay() throws Exception {
        TotpUser user = ldapUserWithTotp("changed");
        String newPassword = "Changed-In-Ldap-1";
        SecretLeakDetector.register(newPassword);

        slapd.changePassword(user.name, newPassword);

        long step = TotpUser.currentStep();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.primaryWithCode(user.codeForStep(step)))).isFalse();
        String withNewPassword = newPassword + "$" + user.codeForStep(step + 1);
        SecretLeakDetector.register(withNewPassword);
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), user.name, withNewPassword)).isTrue();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isTrue();
    }
}
