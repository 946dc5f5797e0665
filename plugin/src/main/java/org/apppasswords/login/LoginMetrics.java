package org.apppasswords.login;

import org.apache.james.metrics.api.MetricFactory;

/**
 * Counters published through James's {@link MetricFactory}, so they appear wherever James exports
 * its metrics (WebAdmin {@code /metrics}, JMX, ...): {@code appPasswords.login.<method>.<outcome>}
 * with method {@code appPassword} or {@code primary} and outcome {@code accepted},
 * {@code refused} (a store outage included) or {@code locked}; {@code appPasswords.lockout.<scope>}
 * with scope {@code address}, {@code address-wide}, {@code account} or {@code totp}.
 */
final class LoginMetrics {
    static final String PREFIX = "appPasswords.";

    private final MetricFactory metricFactory;

    LoginMetrics(MetricFactory metricFactory) {
        this.metricFactory = metricFactory;
    }

    void login(Verdict verdict) {
        String method = verdict.method() == Verdict.Method.APP_PASSWORD ? "appPassword" : "primary";
        String outcome = verdict.accepted() ? "accepted" : verdict.outcome() == Verdict.Outcome.LOCKED ? "locked" : "refused";
        metricFactory.generate(PREFIX + "login." + method + "." + outcome).increment();
    }

    void lockout(String scope) {
        metricFactory.generate(PREFIX + "lockout." + scope).increment();
    }
}
