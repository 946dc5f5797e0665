package org.apppasswords.store.jdbc;

import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.store.UserGenerations;
import org.apppasswords.store.UserGenerationsContract;
import org.apppasswords.totp.SecondFactorStore;
import org.junit.jupiter.api.BeforeEach;

class H2UserGenerationsTest implements UserGenerationsContract {
    private JdbcStores stores;

    @BeforeEach
    void setUp() {
        stores = TestDatabases.emptyH2();
    }

    @Override
    public AppPasswordStore appPasswords() {
        return stores.appPasswords();
    }

    @Override
    public SelfServiceSessionStore sessions() {
        return stores.sessions();
    }

    @Override
    public SecondFactorStore secondFactors() {
        return stores.secondFactors();
    }

    @Override
    public UserGenerations generations() {
        return stores.generations();
    }
}
