package org.apppasswords.store.jdbc;

import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.session.SelfServiceSessionStoreContract;
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
