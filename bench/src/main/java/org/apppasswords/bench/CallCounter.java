package org.apppasswords.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the calls made to a store, per method, in front of the real one: the in-process count of
 * store reads per login. A dynamic proxy, so it follows the store interfaces as they grow.
 */
final class CallCounter {
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    <T> T wrap(Class<T> type, T target) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                calls.computeIfAbsent(type.getSimpleName() + "." + method.getName(), name -> new LongAdder()).increment();
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }

    void reset() {
        calls.clear();
    }

    /** Calls per method since the last {@link #reset}, sorted by name. */
    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((name, count) -> copy.put(name, count.sum()));
        return copy;
    }
}
