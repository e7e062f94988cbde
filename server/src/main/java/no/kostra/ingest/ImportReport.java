package no.kostra.ingest;

import java.util.List;
import no.kostra.store.FigureChange;
import no.kostra.store.ImportResult;

/**
 * What an import did, or in a dry run would do, for the person who ran it. {@code read} counts the figures found in
 * the file; each is added, changed in value, changed in vintage only (the same number made final), unchanged or
 * rejected, except that a figure given twice identically counts once. A warning does not stop a figure from being
 * stored; it says what in the file deserves a second look. An outlier is a figure {@link no.kostra.compute.Plausibility}
 * doubts: an import holds the whole file for them unless they are accepted, an update from StatBank stores them.
 *
 * @param dryRun         nothing was stored: the counts say what the import would have done
 * @param importId       the import log's number, or null in a dry run
 * @param rejections     the first {@link #MAX_REASONS} rejected rows with their reasons
 * @param warned         how many figures were stored with a warning
 * @param warnings       the first {@link #MAX_REASONS} warnings
 * @param outlierCount   how many figures were doubted
 * @param outliers       the first {@link #MAX_REASONS} of them, each with where it is and why
 * @param dataRevision   the data revision after the import (moves only when something was added or changed)
 * @param changes        the first {@link ImportResult#LISTED} figures whose value changed, each before and after with
 *                       its source (all of them: {@code GET /api/imports/{importId}/changes})
 * @param vintageChanges the first {@link ImportResult#LISTED} figures whose vintage alone changed
 * @param conflictCount  how many changed values replaced one from another source (the newer wins; both are kept)
 * @param conflicts      the first {@link ImportResult#LISTED} of those
 * @param summary        one bokmål line: "4 tall endret, 51 gjort endelige, …"
 */
public record ImportReport(String file, String format, String vintage, boolean dryRun, Long importId, int read, int added,
                           int changed, int vintageChanged, int unchanged, int rejected, List<Rejection> rejections,
                           int warned, List<Warning> warnings, int outlierCount, List<Outlier> outliers, long dataRevision,
                           List<FigureChange> changes, List<FigureChange> vintageChanges, int conflictCount,
                           List<FigureChange> conflicts, String summary) {
    public static final int MAX_REASONS = 100;

    public ImportReport {
        rejections = List.copyOf(rejections);
        warnings = List.copyOf(warnings);
        outliers = List.copyOf(outliers);
        changes = List.copyOf(changes);
        vintageChanges = List.copyOf(vintageChanges);
        conflicts = List.copyOf(conflicts);
    }

    /** A row left out, where it was and why. */
    public record Rejection(String where, String reason) {
    }

    /** A figure stored as the file gives it, and what looked wrong about it. */
    public record Warning(String where, String message) {
    }

    /**
     * A figure {@link no.kostra.compute.Plausibility} doubts.
     *
     * @param region    the municipality (today's number), or the group of a group statistic
     * @param statistic mean, high or low for a group statistic, else null
     * @param reason    why, in bokmål
     */
    public record Outlier(String where, String indicator, String region, String statistic, int year, double value,
                          String reason) {
    }
}
