package org.apppasswords.store.jdbc;

import org.apppasswords.store.SecondFactorStore;
import org.apppasswords.store.SecondFactorStoreContract;
import org.junit.jupiter.api.BeforeEach;

/** The default H2 store: spent steps journaled ({@link JournaledSecondFactorStore}). */
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
