package org.apppasswords.store.jdbc.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.device.PendingProfile;
import org.apppasswords.device.ProfileLinkStore;
import org.apppasswords.device.ProfileLinkStoreContract;
import org.apppasswords.store.StoreUnavailableException;
import org.apppasswords.store.jdbc.JdbcStores;
import org.apppasswords.store.jdbc.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class H2ProfileLinkStoreTest implements ProfileLinkStoreContract {
    private JdbcStores stores;
    private JdbcProfileLinkStore store;

    @BeforeEach
    void setUp() {
        stores = TestDatabases.emptyH2();
        store = new JdbcProfileLinkStore(stores.database(), stores.cipher());
    }

    @Override
    public ProfileLinkStore testee() {
        return store;
    }

    @Test
    void theRowShouldHoldTheDigestAndTheSealedPasswordOnly() throws Exception {
        AppPassword password = ProfileLinkStoreContract.newPassword();
        PendingProfile saved = ProfileLinkStoreContract.profile(ALICE, password);
        store.save(saved);

        try (Connection connection = TestDatabases.connectionTo(stores); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM device_profile_links")) {
            assertThat(rows.next()).isTrue();
            StringBuilder row = new StringBuilder();
            for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                row.append(rows.getString(column)).append('|');
            }
            assertThat(row.toString()).contains(saved.tokenDigest())
                .doesNotContainIgnoringCase(password.reveal())
                .doesNotContainIgnoringCase(password.revealForDisplay());
        }
        assertThat(saved.toString()).doesNotContain(password.reveal()).doesNotContain(saved.tokenDigest()).contains("[REDACTED]");
    }

    @Test
    void aSealedPasswordCopiedToAnotherRowShouldNotOpen() throws Exception {
        PendingProfile alices = ProfileLinkStoreContract.profile(ALICE, ProfileLinkStoreContract.newPassword());
        PendingProfile bobs = ProfileLinkStoreContract.profile(BOB, ProfileLinkStoreContract.newPassword());
        store.save(alices);
        store.save(bobs);
        try (Connection connection = TestDatabases.connectionTo(stores); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE device_profile_links SET encrypted_password = (SELECT encrypted_password FROM"
                + " device_profile_links WHERE token_digest = '" + alices.tokenDigest() + "') WHERE token_digest = '" + bobs.tokenDigest() + "'");
        }

        assertThatThrownBy(() -> store.take(bobs.tokenDigest(), NOW))
            .isInstanceOf(StoreUnavailableException.class)
            .hasMessageContaining("does not decrypt");
    }
}
