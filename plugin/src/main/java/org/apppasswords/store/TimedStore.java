package org.apppasswords.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;

/**
 * Times every call of a store through James's {@link MetricFactory}, under
 * {@code appPasswords.store.<store>.<method>} (for example
 * {@code appPasswords.store.appPasswords.find}, the read every app-password login makes), so the
 * latency shows wherever James exports its metrics. Failed calls are timed too. A dynamic proxy
 * rather than one hand-written decorator per store: every method, including one added later, is
 * timed without anyone remembering to, and the stores' contracts stay untouched.
 */
public final class TimedStore {
    public static final String PREFIX = "appPasswords.store.";

    private TimedStore() {
    }

    /** {@code store} behind a timer per method, named {@code appPasswords.store.<name>.<method>}. */
    public static <T> T wrap(Class<T> role, T store, String name, MetricFactory metrics) {
        Object proxy = Proxy.newProxyInstance(role.getClassLoader(), new Class<?>[] {role}, (self, method, arguments) -> {
            if (method.getDeclaringClass() == Object.class) {
                return invoke(store, method, arguments);
            }
            TimeMetric timer = metrics.timer(PREFIX + name + "." + method.getName());
            try {
                return invoke(store, method, arguments);
            } finally {
                timer.stopAndPublish();
            }
        });
        return role.cast(proxy);
    }

    private static Object invoke(Object store, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(store, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
