package org.apppasswords.auth;

import org.apache.james.metrics.api.MetricFactory;

/**
 * Counters published through James's {@link MetricFactory}, so they appear wherever James exports
 * its metrics (WebAdmin {@code /metrics}, JMX, ...): {@code appPasswords.login.<method>.<outcome>}
 * with method {@code appPassword} or {@code primary} and outcome {@code accepted},
 * {@code refused} or {@code locked}; {@code appPasswords.lockout.<scope>} with scope
 * {@code address}, {@code account} or {@code totp}.
 */
final class LoginMetrics {
    enum Method {
        APP_PASSWORD("appPassword"), PRIMARY("primary");

        final String name;

        Method(String name) {
            this.name = name;
        }
    }

    enum Outcome {
        ACCEPTED("accepted"), REFUSED("refused"), LOCKED("locked");

        final String name;

        Outcome(String name) {
            this.name = name;
        }
    }

    static final String PREFIX = "appPasswords.";

    private final MetricFactory metricFactory;

    LoginMetrics(MetricFactory metricFactory) {
        this.metricFactory = metricFactory;
    }

    /** Counts nothing: for unit tests that do not look at metrics. */
    static LoginMetrics none() {
        return new LoginMetrics(null);
    }

    void login(Method method, Outcome outcome) {
        increment(PREFIX + "login." + method.name + "." + outcome.name);
    }

    void lockout(String scopeName) {
        increment(PREFIX + "lockout." + scopeName);
    }

    private void increment(String name) {
        if (metricFactory != null) {
            metricFactory.generate(name).increment();
        }
    }
}
