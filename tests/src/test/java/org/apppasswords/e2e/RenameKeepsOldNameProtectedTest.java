package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * James 3.8.1's rename task ({@code POST /users/{from}/rename/{to}?action=rename}) moves a user's
 * data to an existing new name and keeps the old user, password included. Our secrets move too
 * ({@link AdminUserLifecycleTest}); the old name must not come out of the rename weaker than it
 * went in: its bare primary password, refused before (TOTP was on), stays refused over IMAP.
 */
class RenameKeepsOldNameProtectedTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    private static void rename(String from, String to) {
        String taskId = james.webAdmin().post("/users/" + from + "/rename/" + to + "?action=rename")
            .then().statusCode(201).extract().jsonPath().getString("taskId");
        james.webAdmin().get("/tasks/" + taskId + "/await")
            .then().statusCode(200).body("status", equalTo("completed"));
    }

    @Test
    void theOldNamesBarePrimaryPasswordShouldStayRefusedAfterARename() throws Exception {
        TotpUser alice = TotpUser.create(james, "alice");
        String newName = TotpUser.newUserName("alice-renamed");
        james.data().addUser(newName, TotpUser.PRIMARY_PASSWORD);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), alice.name, TotpUser.PRIMARY_PASSWORD)).as("before the rename").isFalse();

        rename(alice.name, newName);

        assertThat(james.data().listUsers()).as("James 3.8.1 keeps the old user").contains(alice.name);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), alice.name, TotpUser.PRIMARY_PASSWORD))
            .as("the old name's bare primary password after the rename")
            .isFalse();
    }
}
