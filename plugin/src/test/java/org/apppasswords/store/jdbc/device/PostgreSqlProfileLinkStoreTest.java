package org.apppasswords.store.jdbc.device;

import org.apppasswords.device.ProfileLinkStore;
import org.apppasswords.device.ProfileLinkStoreContract;
import org.apppasswords.store.jdbc.JdbcStores;
import org.apppasswords.store.jdbc.TestDatabases;
import org.junit.jupiter.api.BeforeEach;

class PostgreSqlProfileLinkStoreTest implements ProfileLinkStoreContract {
    private JdbcStores stores;
    private JdbcProfileLinkStore store;

    @BeforeEach
    void setUp() {
        stores = TestDatabases.emptyPostgresql();
        store = new JdbcProfileLinkStore(stores.database(), stores.cipher());
    }

    @Override
    public ProfileLinkStore testee() {
        return store;
    }
}
