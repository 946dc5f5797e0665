package org.apppasswords.store.jdbc;

import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.AppPasswordStoreContract;
import org.apppasswords.store.UserGenerations;
import org.junit.jupiter.api.BeforeEach;

class H2AppPasswordStoreTest implements AppPasswordStoreContract {
    private JdbcStores stores;

    @BeforeEach
    void setUp() {
        stores = TestDatabases.emptyH2();
    }

    @Override
    public AppPasswordStore testee() {
        return stores.appPasswords();
    }

    @Override
    public UserGenerations generations() {
        return stores.generations();
    }
}
