package org.apppasswords.store.jdbc;

import org.apppasswords.activity.ActivityStoreContract;
import org.apppasswords.activity.KnownAddresses;
import org.apppasswords.activity.SignInHistory;
import org.apppasswords.store.jdbc.activity.JdbcActivity;
import org.junit.jupiter.api.BeforeEach;

class PostgreSqlActivityTest implements ActivityStoreContract {
    private JdbcActivity activity;

    @BeforeEach
    void setUp() {
        activity = new JdbcActivity(TestDatabases.emptyPostgresql().database());
    }

    @Override
    public SignInHistory history() {
        return activity;
    }

    @Override
    public KnownAddresses knownAddresses() {
        return activity;
    }
}
