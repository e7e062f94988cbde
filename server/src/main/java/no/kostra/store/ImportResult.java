package no.kostra.store;

import java.util.List;

/**
 * What an import did: figures read, newly added, changed (a new revision), unchanged, and rejected rows. The data
 * revision it moved to is known only once it commits ({@link DataRevision#ofImport}).
 *
 * @param changes   the first {@link #LISTED} changed figures, before and after (all of them: {@link ChangeRepository})
 * @param conflicts how many changed figures replaced one from another source
 * @param conflictList the first {@link #LISTED} of those
 */
public record ImportResult(long importId, int read, int added, int changed, int unchanged, int rejected,
                           List<FigureChange> changes, int conflicts, List<FigureChange> conflictList) {
    public static final int LISTED = 100;

    public ImportResult {
        changes = List.copyOf(changes);
        conflictList = List.copyOf(conflictList);
    }
}
