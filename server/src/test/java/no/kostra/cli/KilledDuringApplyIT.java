package no.kostra.cli;

import java.nio.file.Path;

/** {@link KilledDuringApply} on the embedded H2 database of {@code serve --data}. */
class KilledDuringApplyIT extends KilledDuringApply {
    @Override
    ServedDatabase database(Path dir) {
        return ServedDatabase.embedded(dir.resolve("data"));
    }
}
