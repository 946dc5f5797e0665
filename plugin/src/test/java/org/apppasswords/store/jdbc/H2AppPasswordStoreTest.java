package org.apppasswords.store.jdbc;

import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.AppPasswordStoreContract;
import org.junit.jupiter.api.BeforeEach;

class H2AppPasswordStoreTest implements AppPasswordStoreContract {
    private AppPasswordStore store;

    @BeforeEach
    void setUp() {
        store = TestDatabases.emptyH2().appPasswords();
    }

    @Override
    public AppPasswordStore testee() {
        return store;
    }
}
