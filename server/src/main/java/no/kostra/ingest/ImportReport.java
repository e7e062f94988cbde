package no.kostra.ingest;

import java.util.List;
import no.kostra.store.FigureChange;
import no.kostra.store.ImportResult;

/**
 * What an import did, for the person who ran it. {@code read} counts the figures found in the file; each is
 * added, changed (a new revision), unchanged or rejected, except that a figure given twice identically counts once.
 * A warning does not stop a figure from being stored; it says what in the file deserves a second look.
 *
 * @param rejections the first {@link #MAX_REASONS} rejected rows with their reasons
 * @param warned     how many figures were stored with a warning
 * @param warnings   the first {@link #MAX_REASONS} warnings
 * @param dataRevision the data revision after the import (moves only when something was added or changed)
 * @param changes the first {@link ImportResult#LISTED} changed figures, each before and after with its source (all of
 *                them: {@code GET /api/imports/{importId}/changes})
 * @param conflictCount how many changed figures replaced one from another source (the newer wins; both are kept)
 * @param conflicts the first {@link ImportResult#LISTED} of those
 */
public record ImportReport(String file, String format, String vintage, long importId, int read, int added, int changed,
                           int unchanged, int rejected, List<Rejection> rejections, int warned, List<Warning> warnings,
                           long dataRevision, List<FigureChange> changes, int conflictCount, List<FigureChange> conflicts) {
    public static final int MAX_REASONS = 100;

    public ImportReport {
        rejections = List.copyOf(rejections);
        warnings = List.copyOf(warnings);
        changes = List.copyOf(changes);
        conflicts = List.copyOf(conflicts);
    }

    /** A row left out, where it was and why. */
    public record Rejection(String where, String reason) {
    }

    /** A figure stored as the file gives it, and what looked wrong about it. */
    public record Warning(String where, String message) {
    }
}
