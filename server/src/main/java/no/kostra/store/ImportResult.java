package no.kostra.store;

/**
 * What an import did: figures read, newly added, changed (a new revision), unchanged, and rejected rows. The data
 * revision it moved to is known only once it commits ({@link DataRevision#ofImport}).
 */
public record ImportResult(long importId, int read, int added, int changed, int unchanged, int rejected) {
}
