package no.kostra.cli;

import java.nio.file.Path;

/** {@link StoppedDuringImport} on the embedded H2 database of {@code serve --data}. */
class StoppedDuringImportIT extends StoppedDuringImport {
    @Override
    ServedDatabase database(Path dir) {
        return ServedDatabase.embedded(dir.resolve("data"));
    }
}
