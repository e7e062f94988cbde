package no.kostra.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import no.kostra.errors.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A small JSON-stat file may declare a cube of millions of cells; what it costs to read must follow the file, not the
 * cube. Measured as the bytes this thread allocates during the import (HotSpot's per-thread allocation counter), so
 * the bound holds however fast or slow the machine is.
 */
class JsonStatAllocationTest {
    /** A few hundred bytes of file may cost a few megabytes (the catalogue, the database round trip), never a cube. */
    private static final long BOUND = 16L << 20;

    private final IngestFixture fixture = new IngestFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Bytes the current thread allocated while running {@code action}, after one run to load the classes it needs. */
    private static long allocatedBy(Runnable action) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocated bytes per thread");
        action.run();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        action.run();
        return threads.getThreadAllocatedBytes(thread) - before;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jsonstat-sparse-key-beyond-cube.json", "jsonstat-status-key-beyond-cube.json",
            "jsonstat-index-position-huge.json", "jsonstat-sparse-large-cube-unknown-year.json"})
    void aHostileSmallFileIsRefusedWithoutAllocatingItsCube(String file) {
        byte[] bytes = IngestFixture.file("bad/" + file);

        long allocated = allocatedBy(() -> assertThatThrownBy(() -> fixture.services.importer()
                .importFile(file, bytes, ImportOptions.defaults())).isInstanceOf(InvalidInputException.class));

        assertThat(bytes.length).isLessThan(10_000);
        assertThat(allocated).as("bytes allocated refusing %s", file).isLessThan(BOUND);
    }

    @Test
    void aSparseFileOverANineMillionCellCubeCostsWhatItsFewCellsCost() {
        byte[] bytes = IngestFixture.file("good/sparse-large-cube.json");

        long allocated = allocatedBy(() -> assertThat(fixture.services.importer()
                .importFile("sparse-large-cube.json", bytes, ImportOptions.defaults()).read()).isEqualTo(1));

        assertThat(bytes.length).isLessThan(10_000);
        assertThat(allocated).isLessThan(BOUND);
    }
}
