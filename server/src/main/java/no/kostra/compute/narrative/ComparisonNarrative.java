package no.kostra.compute.narrative;

import java.util.ArrayList;
import java.util.List;
import no.kostra.compute.asss.Comparison;
import no.kostra.compute.asss.GroupMeans;

/** Sentences for an ASSS comparison: the deviation from the mean, the rank, and each other group. Pure. */
public final class ComparisonNarrative {
    private ComparisonNarrative() {
    }

    /**
     * @param publishedExtreme "høyest" or "lavest" when the value is the published highest or lowest ASSS figure (used
     *                         when no rank can be formed from member values), else null
     */
    public static List<String> sentences(String municipality, String indicatorName, int year, Double value,
                                         Double deviationPercent, GroupMeans.Rank rank, String publishedExtreme,
                                         List<Comparison.Other> others, int decimals) {
        List<String> out = new ArrayList<>();
        String subject = Wording.inSentence(indicatorName);
        if (value == null) {
            out.add("Tallet for " + municipality + " for " + year + " mangler.");
            return out;
        }
        if (deviationPercent != null) {
            out.add(municipality + " ligger " + relative(deviationPercent, "ASSS-snittet", false) + " på " + subject + " i " + year + ".");
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
                        + other.name() + ".");
            }
        }
        return out;
    }

    /** "14 prosent over ASSS-snittet", "0,3 prosent under ASSS-snittet", "omtrent på ASSS-snittet". */
    static String relative(double deviationPercent, String reference, boolean oneDecimal) {
        String size = Wording.deviation(deviationPercent, oneDecimal);
        return Wording.roundsToZero(size) ? "omtrent på " + reference
                : size + " prosent " + Wording.overUnder(deviationPercent) + " " + reference;
    }
}
