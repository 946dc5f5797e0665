package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The admin routes (WebAdmin, behind JWT) and the self-service API for users who live in a real
 * OpenLDAP directory ({@link TestSlapd}). Existence comes from the directory: a user deleted there
 * can no longer sign in, yet an admin still lists and revokes what remains of them. James's LDAP
 * repository is read-only: James's own user routes cannot change or remove a directory user, and
 * such a refused change leaves the user's app passwords and second factor alone.
 */
class LdapAdminAndSelfServiceTest {
    static final String LDAP_PASSWORD = TotpUser.PRIMARY_PASSWORD;

    @RegisterExtension
    @Order(1)
    static TestSlapd slapd = new TestSlapd();

    @RegisterExtension
    @Order(2)
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults()
        .withUsersRepository(() -> slapd.usersRepositoryXml())
        .withWebAdminJwt();

    static TotpUser ldapUserWithTotp(String prefix) throws Exception {
        String name = TotpUser.newUserName(prefix);
        slapd.addUser(name, LDAP_PASSWORD);
        return TotpUser.enrol(james, name);
    }

    static String appPasswords(String user) {
        return "/users/" + user + "/app-passwords";
    }

    static String secondFactor(String user) {
        return "/users/" + user + "/second-factor";
    }

    SelfServiceClient selfService() {
        return new SelfServiceClient(james.ports());
    }

    @Test
    void ldapUserShouldEnrolAndMintThroughSelfServiceSigningInWithTheLdapPassword() throws Exception {
        String user = TotpUser.newUserName("self");
        slapd.addUser(user, LDAP_PASSWORD);
        SelfServiceClient client = selfService();
        String token = client.token(user, LDAP_PASSWORD);

        String secret = client.startEnrolment(token, LDAP_PASSWORD).then().statusCode(200).extract().jsonPath().getString("secret");
        assertThat(client.confirm(token, Oathtool.currentCode(secret)).statusCode()).isEqualTo(200);
        Response created = client.createAppPassword(token, "Thunderbird", LDAP_PASSWORD);

        assertThat(created.statusCode()).isEqualTo(201);
        String appPassword = created.jsonPath().getString("password");
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, appPassword)).isTrue();
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), user, appPassword)).isTrue();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, LDAP_PASSWORD)).isFalse();
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), user, LDAP_PASSWORD)).isFalse();
        assertThat(client.listAppPasswords(token).jsonPath().getList("label")).containsExactly("Thunderbird");
    }

    @Test
    void selfServiceShouldRefuseAWrongLdapPasswordAtSignInAndWhenMinting() throws Exception {
        String user = TotpUser.newUserName("selfwrong");
        slapd.addUser(user, LDAP_PASSWORD);
        SelfServiceClient client = selfService();

        assertThat(client.signIn(user, "Not-The-Ldap-Password").statusCode()).isEqualTo(401);

        String token = client.token(user, LDAP_PASSWORD);
        String secret = client.startEnrolment(token, LDAP_PASSWORD).then().statusCode(200).extract().jsonPath().getString("secret");
        assertThat(client.confirm(token, Oathtool.currentCode(secret)).statusCode()).isEqualTo(200);
        assertThat(client.createAppPassword(token, "Thunderbird", "Not-The-Ldap-Password").statusCode()).isEqualTo(403);
        assertThat(client.listAppPasswords(token).jsonPath().getList("$")).isEmpty();
    }

    @Test
    void selfServiceSignInShouldBeRefusedOnceTheUserIsDeletedFromLdap() throws Exception {
        String user = TotpUser.newUserName("selfgone");
        slapd.addUser(user, LDAP_PASSWORD);
        assertThat(selfService().signIn(user, LDAP_PASSWORD).statusCode()).isEqualTo(200);

        slapd.deleteUser(user);

        assertThat(selfService().signIn(user, LDAP_PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void adminShouldListAndRevokeAnLdapUsersAppPasswords() throws Exception {
        TotpUser user = ldapUserWithTotp("admin-list");

        JsonPath listed = james.webAdmin().get(appPasswords(user.name)).then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("label")).containsExactly("Thunderbird", "iPhone Mail");
        james.webAdmin().delete(appPasswords(user.name) + "/" + user.appPassword.password().id().asString())
            .then().statusCode(204);

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isFalse();
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), user.name, user.appPassword.password().reveal())).isFalse();
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), user.name, user.secondAppPassword.password().reveal())).isTrue();
    }

    @Test
    void adminSecondFactorResetShouldGiveAnLdapUserTheirLdapPasswordBack() throws Exception {
        TotpUser user = ldapUserWithTotp("admin-reset");
        james.webAdmin().get(secondFactor(user.name)).then().statusCode(200).body("totpEnabled", equalTo(true));
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, LDAP_PASSWORD)).isFalse();

        james.webAdmin().delete(secondFactor(user.name)).then().statusCode(204);

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, LDAP_PASSWORD)).isTrue();
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), user.name, user.appPassword.password().reveal())).isTrue();
    }

    @Test
    void adminShouldStillListAndRevokeWhatRemainsOfAUserDeletedFromLdap() throws Exception {
        TotpUser user = ldapUserWithTotp("admin-gone");
        slapd.deleteUser(user.name);

        JsonPath listed = james.webAdmin().get(appPasswords(user.name)).then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("label")).containsExactly("Thunderbird", "iPhone Mail");
        james.webAdmin().get(secondFactor(user.name)).then().statusCode(200).body("totpEnabled", equalTo(true));

        james.webAdmin().delete(appPasswords(user.name) + "/" + user.appPassword.password().id().asString()).then().statusCode(204);
        james.webAdmin().delete(appPasswords(user.name)).then().statusCode(204);
        james.webAdmin().delete(secondFactor(user.name)).then().statusCode(204);

        assertThat(james.appPasswords().listAppPasswords(Username.of(user.name))).isEmpty();
        assertThat(james.appPasswords().totpEnabled(Username.of(user.name))).isFalse();
        james.webAdmin().get(appPasswords(user.name)).then().statusCode(404).body("statusCode", equalTo(404));
        james.webAdmin().get(secondFactor(user.name)).then().statusCode(404);
    }

    @Test
    void adminRoutesShouldAnswer404ForANameTheDirectoryDoesNotKnowAndThatHoldsNothing() {
        String unknown = TotpUser.newUserName("nowhere");

        james.webAdmin().get(appPasswords(unknown)).then().statusCode(404).body("type", equalTo("notFound"));
        james.webAdmin().delete(appPasswords(unknown)).then().statusCode(404);
        james.webAdmin().get(secondFactor(unknown)).then().statusCode(404);
        james.webAdmin().delete(secondFactor(unknown)).then().statusCode(404);
    }

    @Test
    void adminRoutesShouldAnswer200ForAnLdapUserWithoutSecrets() throws Exception {
        String user = TotpUser.newUserName("admin-empty");
        slapd.addUser(user, LDAP_PASSWORD);

        james.webAdmin().get(appPasswords(user)).then().statusCode(200).body(equalTo("[]"));
        james.webAdmin().get(secondFactor(user)).then().statusCode(200).body("totpEnabled", equalTo(false));
    }

    @Test
    void adminRoutesShouldAnswer404ForANameMadeOfLdapFilterCharacters() {
        james.webAdmin().get(appPasswords("a*)(uid=*@" + JamesWithAppPasswords.DOMAIN)).then().statusCode(404);
        james.webAdmin().get(appPasswords("*")).then().statusCode(404);
    }

    /**
     * Renaming a directory user: the new entry is added, James's rename task moves mailboxes and
     * (our step) the app passwords and second factor, then the old entry is deleted.
     */
    @Test
    void jamesRenameTaskShouldMoveSecretsBetweenTwoDirectoryEntries() throws Exception {
        TotpUser user = ldapUserWithTotp("rename-old");
        String newName = TotpUser.newUserName("rename-new");
        slapd.addUser(newName, LDAP_PASSWORD);

        String taskId = james.webAdmin().post("/users/" + user.name + "/rename/" + newName + "?action=rename")
            .then().statusCode(201).extract().jsonPath().getString("taskId");
        james.webAdmin().get("/tasks/" + taskId + "/await")
            .then().statusCode(200).body("status", equalTo("completed"))
            .body("additionalInformation.status.AppPasswordsUsernameChangeTaskStep", equalTo("DONE"));
        slapd.deleteUser(user.name);

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), newName, user.appPassword.password().reveal())).isTrue();
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), newName, LDAP_PASSWORD)).isFalse();
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), newName, user.primaryWithCurrentCode())).isTrue();
        // The old name keeps a copy of its second factor (James may keep the old user): its app
        // passwords moved, and what is left stays visible to the admin, who can reset it.
        james.webAdmin().get(appPasswords(user.name)).then().statusCode(200).body(equalTo("[]"));
        james.webAdmin().get("/users/" + user.name + "/second-factor").then().statusCode(200).body("totpEnabled", equalTo(true));
    }

    /**
     * James's own {@code DELETE /users/{user}} cannot remove a directory user (James answers 204
     * anyway, as stock James does): the user stays in LDAP, so nothing of theirs may be forgotten,
     * least of all the second factor that keeps the bare LDAP password out.
     */
    @Test
    void jamesOwnRemovalOfAnLdapUserShouldKeepTheirSecrets() throws Exception {
        TotpUser user = ldapUserWithTotp("james-delete");

        james.webAdmin().delete("/users/" + user.name).then().statusCode(204);

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, LDAP_PASSWORD)).isFalse();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isTrue();
        assertThat(james.appPasswords().listAppPasswords(Username.of(user.name))).hasSize(2);
        assertThat(james.appPasswords().totpEnabled(Username.of(user.name))).isTrue();
    }

    /**
     * James's own password change cannot change a directory password: James refuses it (with the
     * 500 stock James answers for a read-only repository), and the app passwords stay, since no
     * password changed.
     */
    @Test
    void jamesOwnPasswordChangeOfAnLdapUserShouldBeRefusedAndKeepTheAppPasswords() throws Exception {
        TotpUser user = ldapUserWithTotp("james-change");
        SecretLeakDetector.register("Changed-Passw0rd");

        james.webAdmin().contentType("application/json").body(Map.of("password", "Changed-Passw0rd"))
            .put("/users/" + user.name + "?force").then().statusCode(500)
            .body("message", startsWith("Error while upserting user"));

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isTrue();
        assertThat(james.appPasswords().listAppPasswords(Username.of(user.name))).hasSize(2);
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), user.name, "Changed-Passw0rd$" + user.codeForStep(TotpUser.currentStep()))).isFalse();
        assertThat(Protocol.SMTP_AUTH.login(james.ports(), user.name, user.primaryWithCurrentCode())).isTrue();
    }
}
