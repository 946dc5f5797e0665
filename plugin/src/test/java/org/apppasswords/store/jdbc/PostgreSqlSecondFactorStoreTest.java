package org.apppasswords.store.jdbc;

import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.SecondFactorStoreContract;
import org.junit.jupiter.api.BeforeEach;

class PostgreSqlSecondFactorStoreTest implements SecondFactorStoreContract {
    private SecondFactorStore store;

    @BeforeEach
    void setUp() {
        store = TestDatabases.emptyPostgresql().secondFactors();
    }

    @Override
    public SecondFactorStore testee() {
        return store;
    }
}
