package no.kostra.cli;

import java.nio.file.Path;

/** {@link KilledDuringImport} on the embedded H2 database of {@code serve --data}. */
class KilledDuringImportIT extends KilledDuringImport {
    @Override
    ServedDatabase database(Path dir) {
        return ServedDatabase.embedded(dir.resolve("data"));
    }
}
