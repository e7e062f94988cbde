package no.kostra.compute.asss;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import no.kostra.catalog.MeanKind;

/**
 * Forms a group's mean, highest and lowest from its members (DESIGN §3, "ASSS mean, two kinds"). Weighted:
 * Σ numerators / Σ denominators, which is Σ(value × weight) / Σ weight where the weight is the member's denominator.
 * Flat: the arithmetic mean of the members' values (the reports' {@code *} indicators). Pure.
 */
public final class GroupMeans {
    private GroupMeans() {
    }

    public static GroupFigures compute(MeanKind kind, List<MemberValue> members) {
        List<MemberValue> counted = new ArrayList<>();
        List<GroupFigures.Excluded> excluded = new ArrayList<>();
        for (MemberValue m : members) {
            if (!m.hasValue()) {
                excluded.add(new GroupFigures.Excluded(m.region(), "mangler verdi (" + m.figure().status().symbol() + ")"));
            } else if (kind == MeanKind.WEIGHTED && m.weight() == null) {
                excluded.add(new GroupFigures.Excluded(m.region(), "mangler vekt"));
            } else {
                counted.add(m);
            }
        }
        Double mean = counted.isEmpty() ? null : kind == MeanKind.FLAT ? flat(counted) : weighted(counted);
        List<MemberValue> withValues = members.stream().filter(MemberValue::hasValue).toList();
        GroupFigures.Member high = withValues.stream().max(Comparator.comparingDouble(MemberValue::value))
                .map(m -> new GroupFigures.Member(m.region(), m.value())).orElse(null);
        GroupFigures.Member low = withValues.stream().min(Comparator.comparingDouble(MemberValue::value))
                .map(m -> new GroupFigures.Member(m.region(), m.value())).orElse(null);
        return new GroupFigures(kind.code(), mean, high, low, counted.stream().map(MemberValue::region).toList(), excluded);
    }

    /**
     * The region's place among the members with a value, 1 being the highest value (as "høyest i ASSS"); ties share
     * the better place. Empty when the region has no value.
     */
    public static Optional<Rank> rank(String region, List<MemberValue> members) {
        Optional<MemberValue> own = members.stream().filter(m -> m.region().equals(region) && m.hasValue()).findFirst();
        if (own.isEmpty()) {
            return Optional.empty();
        }
        double value = own.get().value();
        List<MemberValue> withValues = members.stream().filter(MemberValue::hasValue).toList();
        int above = (int) withValues.stream().filter(m -> m.value() > value).count();
        return Optional.of(new Rank(above + 1, withValues.size()));
    }

    /** @param position 1 = highest value; {@code of} = members with a value */
    public record Rank(int position, int of) {
        public boolean highest() {
            return position == 1;
        }

        public boolean lowest() {
            return position == of;
        }
    }

    private static double flat(List<MemberValue> members) {
        return members.stream().mapToDouble(MemberValue::value).sum() / members.size();
    }

    private static Double weighted(List<MemberValue> members) {
        double weights = members.stream().mapToDouble(MemberValue::weight).sum();
        if (weights == 0.0) {
            return null;
        }
        return members.stream().mapToDouble(m -> m.value() * m.weight()).sum() / weights;
    }
}
