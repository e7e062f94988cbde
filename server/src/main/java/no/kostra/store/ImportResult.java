package no.kostra.store;

/** What an import did: figures read, newly added, changed (a new revision), unchanged, and rejected rows. */
public record ImportResult(long importId, int read, int added, int changed, int unchanged, int rejected,
                           long dataRevision) {
}
