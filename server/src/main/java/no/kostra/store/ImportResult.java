package no.kostra.store;

import java.util.List;

/**
 * What an import did: figures read, newly added, changed in value, changed in vintage only (the same number made final),
 * unchanged, and rejected rows. The data revision it moved to is known only once it commits
 * ({@link DataRevision#ofImport}).
 *
 * @param changes        the first {@link #LISTED} figures whose value changed, before and after (all of them:
 *                       {@link ChangeRepository})
 * @param vintageChanges the first {@link #LISTED} figures whose vintage alone changed
 * @param conflicts      how many changed values replaced one from another source
 * @param conflictList   the first {@link #LISTED} of those
 */
public record ImportResult(long importId, int read, int added, int changed, int vintageChanged, int unchanged, int rejected,
                           List<FigureChange> changes, List<FigureChange> vintageChanges, int conflicts,
                           List<FigureChange> conflictList) {
    public static final int LISTED = 100;

    public ImportResult {
        changes = List.copyOf(changes);
        vintageChanges = List.copyOf(vintageChanges);
        conflictList = List.copyOf(conflictList);
    }
}
