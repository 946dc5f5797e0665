package org.apppasswords.store.jdbc;

import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.SecondFactorStoreContract;
import org.junit.jupiter.api.BeforeEach;

/** The default embedded H2 store. */
class H2SecondFactorStoreTest implements SecondFactorStoreContract {
    private SecondFactorStore store;

    @BeforeEach
    void setUp() {
        store = TestDatabases.emptyH2().secondFactors();
    }

    @Override
    public SecondFactorStore testee() {
        return store;
    }
}
