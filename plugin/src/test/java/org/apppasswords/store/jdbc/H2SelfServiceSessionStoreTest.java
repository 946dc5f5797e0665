package org.apppasswords.store.jdbc;

import org.apppasswords.store.SelfServiceSessionStore;
import org.apppasswords.store.SelfServiceSessionStoreContract;
import org.junit.jupiter.api.BeforeEach;

class H2SelfServiceSessionStoreTest implements SelfServiceSessionStoreContract {
    private SelfServiceSessionStore store;

    @BeforeEach
    void setUp() {
        store = TestDatabases.emptyH2().sessions();
    }

    @Override
    public SelfServiceSessionStore testee() {
        return store;
    }
}
