package no.kostra.cli;

import java.nio.file.Path;

/** {@link KilledDuringApply} on PostgreSQL ({@code serve --db-url}): the killed backend's transaction is rolled back. */
class KilledDuringApplyPostgresIT extends KilledDuringApply {
    @Override
    ServedDatabase database(Path dir) {
        return ServedDatabase.postgres();
    }
}
