package org.apppasswords.store.jdbc;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells HikariCP that a statement that timed out (H2's row-lock timeout) left its connection
 * usable. By default the pool evicts the connection and logs the whole exception at WARN, and H2's
 * text of a lock timeout quotes the locked row: a user name with a sealed TOTP seed or an app
 * password's hash, which have no place in a log. Our own message names the operation only. A
 * connection error (SQLSTATE class 08) is still evicted. Named in the pool's configuration, so
 * HikariCP creates it: public, with a public constructor.
 */
public final class TimeoutsKeepTheConnection implements SQLExceptionOverride {
    @java.lang.Override
    public Override adjudicate(SQLException exception) {
        String state = exception.getSQLState();
        boolean connectionError = state != null && state.startsWith("08");
        return exception instanceof SQLTimeoutException && !connectionError ? Override.DO_NOT_EVICT : Override.CONTINUE_EVICT;
    }
}
