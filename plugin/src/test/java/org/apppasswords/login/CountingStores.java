package org.apppasswords.login;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.throttle.LoginFailureStore;
import org.apppasswords.totp.SecondFactorStore;

/** Counts the store reads and writes a login costs; give its wrappers to {@link LoginFixture.Builder}. */
final class CountingStores {
    final AtomicInteger appPasswordReads = new AtomicInteger();
    final AtomicInteger secondFactorReads = new AtomicInteger();
    /** Spending a code or a recovery code, counting a wrong code, forgetting the wrong codes. */
    final AtomicInteger secondFactorWrites = new AtomicInteger();
    final AtomicInteger loginFailureReads = new AtomicInteger();
    /** A failure recorded, or a success noted. */
    final AtomicInteger loginFailureWrites = new AtomicInteger();

    AppPasswordStore appPasswords(AppPasswordStore delegate) {
        return counting(AppPasswordStore.class, delegate, Map.of("find", appPasswordReads, "list", appPasswordReads));
    }

    SecondFactorStore secondFactors(SecondFactorStore delegate) {
        return counting(SecondFactorStore.class, delegate, Map.of("find", secondFactorReads, "spendCode", secondFactorWrites,
            "countWrongCode", secondFactorWrites, "consumeRecoveryCode", secondFactorWrites, "forgetWrongCodes", secondFactorWrites));
    }

    LoginFailureStore loginFailures(LoginFailureStore delegate) {
        return counting(LoginFailureStore.class, delegate, Map.of("read", loginFailureReads, "record", loginFailureWrites,
            "succeeded", loginFailureWrites));
    }

    void reset() {
        for (AtomicInteger counter : new AtomicInteger[] {appPasswordReads, secondFactorReads, secondFactorWrites, loginFailureReads,
            loginFailureWrites}) {
            counter.set(0);
        }
    }

    private static <T> T counting(Class<T> type, T delegate, Map<String, AtomicInteger> counters) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            AtomicInteger counter = counters.get(method.getName());
            if (counter != null) {
                counter.incrementAndGet();
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
