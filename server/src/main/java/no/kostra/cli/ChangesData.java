package no.kostra.cli;

/**
 * A command that can store or change data. When it fails for a reason the person can fix, the sentence says nothing
 * was changed; a command that only reads (report, token list) does not say so, since it never could have.
 */
interface ChangesData {
    /** False for a run that cannot change anything (a dry run). */
    default boolean changesData() {
        return true;
    }
}
