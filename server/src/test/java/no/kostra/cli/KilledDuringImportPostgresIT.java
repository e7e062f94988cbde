package no.kostra.cli;

import java.nio.file.Path;

/** {@link KilledDuringImport} on PostgreSQL ({@code serve --db-url}): the killed backend's transaction is rolled back. */
class KilledDuringImportPostgresIT extends KilledDuringImport {
    @Override
    ServedDatabase database(Path dir) {
        return ServedDatabase.postgres();
    }
}
