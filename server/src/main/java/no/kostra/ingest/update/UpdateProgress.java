package no.kostra.ingest.update;

/** Hears how far an update has come. Called from the thread running the update. */
public interface UpdateProgress {
    /**
     * @param index   0-based position of the table among those fetched
     * @param percent how much of this table is done: 0 asked, 50 fetched, 100 read
     */
    void table(int index, int tables, String table, int percent);

    /** Every table is read; the figures are being checked and written as one import. */
    void importing(int figures);

    static UpdateProgress none() {
        return new UpdateProgress() {
            @Override
            public void table(int index, int tables, String table, int percent) {
            }

            @Override
            public void importing(int figures) {
            }
        };
    }
}
