package org.apppasswords.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.apppasswords.activity.KnownAddresses;
import org.apppasswords.activity.SignIn;
import org.apppasswords.activity.SignInHistory;

/** The sign-in history and the addresses known to each app password, kept by the memory store as the database would keep them. */
public final class MemoryActivity implements SignInHistory, KnownAddresses {
    private final Map<Username, List<SignIn>> signIns = new HashMap<>();
    private final Map<Username, Map<String, Set<String>>> addresses = new HashMap<>();

    @Override
    public synchronized void add(Username user, SignIn signIn) {
        List<SignIn> kept = signIns.computeIfAbsent(user, any -> new ArrayList<>());
        kept.add(signIn);
        List<SignIn> refusals = kept.stream().filter(any -> any.outcome() != SignIn.Outcome.SUCCESS).collect(Collectors.toList());
        if (refusals.size() > REFUSALS_KEPT_PER_USER) {
            kept.remove(refusals.get(0));
        }
        if (kept.size() > KEPT_PER_USER) {
            kept.remove(0);
        }
    }

    @Override
    public synchronized List<SignIn> latest(Username user, Instant since) {
        List<SignIn> kept = new ArrayList<>(signIns.getOrDefault(user, List.of()));
        // Newest first; among equal times, the later added first, as the database orders them.
        Collections.reverse(kept);
        return kept.stream()
            .filter(signIn -> !signIn.at().isBefore(since))
            .sorted(Comparator.comparing(SignIn::at).reversed())
            .collect(Collectors.toList());
    }

    @Override
    public synchronized void forgetBefore(Instant before) {
        signIns.values().forEach(kept -> kept.removeIf(signIn -> signIn.at().isBefore(before)));
    }

    @Override
    public synchronized void forget(Username user) {
        signIns.remove(user);
        addresses.remove(user);
    }

    @Override
    public synchronized boolean add(Username user, String appPasswordId, String address) {
        Set<String> known = addresses.computeIfAbsent(user, any -> new HashMap<>()).computeIfAbsent(appPasswordId, any -> new HashSet<>());
        return known.size() < KEPT_PER_APP_PASSWORD && known.add(address);
    }
}
