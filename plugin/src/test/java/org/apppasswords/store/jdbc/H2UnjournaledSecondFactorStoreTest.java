package org.apppasswords.store.jdbc;

import org.apppasswords.store.SecondFactorStore;
import org.apppasswords.store.SecondFactorStoreContract;
import org.junit.jupiter.api.BeforeEach;

/** The plain JDBC store on H2, each spent step a commit: what an operator's own H2 {@code jdbc.url} gets. */
class H2UnjournaledSecondFactorStoreTest implements SecondFactorStoreContract {
    private SecondFactorStore store;

    @BeforeEach
    void setUp() {
        store = TestDatabases.emptyH2WithoutJournal().secondFactors();
    }

    @Override
    public SecondFactorStore testee() {
        return store;
    }
}
