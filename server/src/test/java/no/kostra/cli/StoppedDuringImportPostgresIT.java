package no.kostra.cli;

import java.nio.file.Path;

/** {@link StoppedDuringImport} on PostgreSQL ({@code serve --db-url}). */
class StoppedDuringImportPostgresIT extends StoppedDuringImport {
    @Override
    ServedDatabase database(Path dir) {
        return ServedDatabase.postgres();
    }
}
