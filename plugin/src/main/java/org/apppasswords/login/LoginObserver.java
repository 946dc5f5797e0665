package org.apppasswords.login;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.metrics.api.MetricFactory;
import org.apppasswords.activity.SignInRecorder;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.notice.SecurityNotices;
import org.apppasswords.signout.LocalConnections;
import org.apppasswords.signout.SignedInConnection;
import org.apppasswords.signout.SignedInConnections;
import org.apppasswords.throttle.LockoutListener;
import org.apppasswords.throttle.Scope;

/**
 * Everything a verdict causes besides the answer, in one place: the outage log, the metrics of
 * protocol logins, the audit line of every refusal, of a recovery code spent and of a lockout
 * started, the last use of an accepted app password and the sign-in history (both written off the
 * login path), the security notices it calls for, and what logged a connection in (so that revoking
 * it ends the connection).
 */
public final class LoginObserver implements LockoutListener {
    private final AuditLog audit;
    private final LoginMetrics metrics;
    private final StoreOutageLog outageLog;
    private final LastUseWriter lastUses;
    private final SignedInConnections connections;
    private final LocalConnections servers;
    private final SecurityNotices notices;
    private final SignInRecorder signIns;

    public LoginObserver(AuditLog audit, MetricFactory metricFactory, StoreOutageLog outageLog, LastUseWriter lastUses,
                         SignedInConnections connections, LocalConnections servers, SecurityNotices notices, SignInRecorder signIns) {
        this.audit = audit;
        this.metrics = new LoginMetrics(metricFactory);
        this.outageLog = outageLog;
        this.lastUses = lastUses;
        this.connections = connections;
        this.servers = servers;
        this.notices = notices;
        this.signIns = signIns;
    }

    /**
     * {@code checked}: whether the verdict asked the stores (a refusal by the input's shape alone tells
     * nothing of an outage); {@code started}: when the check began, the time a connection it
     * accepts is noted with (a sign-out ends the connections checked before it).
     */
    void observe(Entrance entrance, Username user, LoginOrigin origin, Verdict verdict, boolean checked, Instant started) {
        if (verdict.storeFailure().isPresent()) {
            outageLog.refused(verdict.storeFailure().get());
        } else if (checked) {
            outageLog.reached();
        }
        if (entrance == Entrance.PROTOCOL || entrance == Entrance.TOKEN) {
            metrics.login(verdict);
        }
        if (entrance == Entrance.PROTOCOL || entrance == Entrance.TOKEN || entrance == Entrance.SIGN_IN) {
            signIns.record(user, SignIns.of(verdict, origin, started));
        }
        if (!verdict.accepted()) {
            audit.loginRefused(user, origin, verdict.method().auditName());
        }
        if (verdict.lockedCodes()) {
            audit.lockoutStarted(user, origin, "totp", Optional.empty());
            metrics.lockout("totp");
            notices.codesLocked(user, origin);
        }
        if (verdict.proof() == Verdict.Proof.RECOVERY_CODE) {
            audit.recoveryCodeUsed(user, origin);
            notices.recoveryCodeUsed(user, origin);
        }
        verdict.appPassword().ifPresent(entry -> {
            lastUses.noteUse(user, entry, origin);
            notices.appPasswordUsed(user, entry.id().asString(), entry.label(), origin);
        });
        Optional<String> keptProtocol = origin.protocol().filter(servers::keeps);
        if (verdict.accepted() && entrance == Entrance.PROTOCOL && keptProtocol.isPresent()) {
            // Only where the server forgets a connection when it closes: noted elsewhere, it would stay.
            origin.connection().ifPresent(connection -> connections.loggedIn(SignedInConnections.key(keptProtocol.get(), connection),
                new SignedInConnection(user, keptProtocol.get(), origin.address(), started,
                    verdict.appPassword().map(entry -> entry.id().asString()))));
        }
    }

    @Override
    public void lockoutStarted(Username user, LoginOrigin origin, Scope.Kind scope, Instant until) {
        audit.lockoutStarted(user, origin, scope.auditName(), Optional.of(until));
        metrics.lockout(scope.auditName());
    }
}
