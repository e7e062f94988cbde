package no.kostra.compute.narrative;

import java.util.ArrayList;
import java.util.List;
import no.kostra.catalog.Unit;
import no.kostra.compute.NorwegianFormat;
import no.kostra.compute.asss.Comparison;
import no.kostra.compute.asss.GroupMeans;

/** Sentences for an ASSS comparison: the deviation from the mean, the rank, and each other group. Pure. */
public final class ComparisonNarrative {
    private ComparisonNarrative() {
    }

    /**
     * @param subject          the indicator as a sentence names it ({@link Wording#subject})
     * @param mean             the ASSS mean the deviation is told against (published, else computed), or null
     * @param publishedExtreme "høyest" or "lavest" when the value is the published highest or lowest ASSS figure (used
     *                         when no rank can be formed from member values), else null
     */
    public static List<String> sentences(String municipality, String subject, int year, Double value, Double mean,
                                         Unit unit, GroupMeans.Rank rank, String publishedExtreme,
                                         List<Comparison.Other> others, int decimals) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            out.add("Tallet for " + municipality + " for " + year + " mangler, så " + subject
                    + " kan ikke sammenlignes med ASSS-snittet.");
            return out;
        }
        if (mean != null && mean != 0.0) {
            out.add(DeviationClause.of(municipality, value, mean, "ASSS-snittet", unit, decimals, subject, year) + ".");
        }
        if (rank != null && rank.highest()) {
            out.add(municipality + " er høyest i ASSS.");
        } else if (rank != null && rank.lowest()) {
            out.add(municipality + " er lavest i ASSS.");
        } else if (rank != null) {
            out.add(municipality + " er nummer " + rank.position() + " av " + rank.of() + " i ASSS, regnet fra høyeste verdi.");
        } else if (publishedExtreme != null) {
            out.add(municipality + " er " + publishedExtreme + " i ASSS.");
        }
        for (Comparison.Other other : others) {
            if (other.value() != null) {
                out.add(municipality + " ligger " + ProfileNarrative.comparedWith(value, other.value(), decimals) + " "
                        + other.name() + " (" + NorwegianFormat.number(other.value(), decimals) + ").");
            }
        }
        return out;
    }

    /** "14,2 prosent over ASSS-snittet", "0,3 prosent under ASSS-snittet", "omtrent på ASSS-snittet". */
    static String relative(double deviationPercent, String reference) {
        String size = Wording.deviation(deviationPercent);
        return Wording.roundsToZero(size) ? "omtrent på " + reference
                : size + " prosent " + Wording.overUnder(deviationPercent) + " " + reference;
    }
}
