package no.kostra.observation;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which stored figures are preliminary: SSB's March figures until June's final ones replace them, so a few at most (a
 * report year, between March and June). A stored figure not named here is final. Keys name a municipality's figure
 * ({@link #figure}) or a group statistic ({@link #statistic}). Immutable.
 */
public record Preliminary(Set<String> keys) {
    public static final Preliminary NONE = new Preliminary(Set.of());

    public Preliminary {
        keys = Set.copyOf(keys);
    }

    /** The key of a municipality's figure (canonical region code). */
    public static String figure(String indicator, String region, int year) {
        return indicator + "|" + region + "|" + year;
    }

    /** The key of a group's statistic (mean, high, low). */
    public static String statistic(String indicator, String group, int year, Statistic statistic) {
        return indicator + "|" + group + "|" + year + "|" + statistic.code();
    }

    public boolean contains(String key) {
        return keys.contains(key);
    }

    /** "preliminary" or "final" for a figure that is stored (or formed from stored ones), null for one that is not. */
    public String vintage(String key, boolean stored) {
        return !stored ? null : (keys.contains(key) ? Vintage.PRELIMINARY : Vintage.FINAL).code();
    }

    /** These and the given keys. */
    public Preliminary with(Collection<String> more) {
        Set<String> all = new HashSet<>(keys);
        all.addAll(more);
        return new Preliminary(all);
    }
}
