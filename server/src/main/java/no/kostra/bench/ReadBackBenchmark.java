package no.kostra.bench;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import no.kostra.workbook.ProvenanceSheet;
import no.kostra.workbook.ProvenanceSigner;
import no.kostra.workbook.SyntheticFilledWorkbook;
import no.kostra.workbook.roundtrip.ReturnedWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reading back and diffing a returned workbook with 10 000 mapped cells (open safely, read and verify the signed
 * provenance, find every cell again, compare), against the plainest pass over the same file: the JDK's unzip
 * ({@code java.util.zip}) and its streaming XML reader over every worksheet part, counting the cells, nothing kept.
 * Paired rounds in one run, the order alternating; every round's ratio, the median and the range. Goal: median ratio
 * of elapsed times ≤ 5. The same ratio in the measuring thread's CPU time is printed beside it, as context on a shared
 * machine. Run with -Xmx256m to show the heap stays bounded (the old generation's peak is printed).
 */
@Command(name = "read-back", mixinStandardHelpOptions = true,
        description = "Read-back and diff of a returned workbook against a plain JDK unzip and StAX pass over its sheets.")
public final class ReadBackBenchmark implements Callable<Integer> {
    /** One figure in a hundred corrected, as a service leader might. */
    static final int EDIT_EVERY = 100;
    static final double GOAL = 5.0;
    private static final int WARM_UP_ROUNDS = 5;

    @Option(names = "--rows", defaultValue = "1000", description = "Table rows (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--years", defaultValue = "10", description = "Figures per row (default: ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--rounds", defaultValue = "11", description = "Measured paired rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
        ProvenanceSigner signer = new ProvenanceSigner("bench", new byte[32]);
        byte[] xlsx = SyntheticFilledWorkbook.build(rows, years, EDIT_EVERY, signer);
        System.out.printf(Locale.ROOT, "workbook: %d mapped cells (%d edited), %d bytes%n", rows * years,
                readBackAndDiff(xlsx, signer), xlsx.length);
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            plainPass(xlsx);
            readBackAndDiff(xlsx, signer);
        }
        double[] ratios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        long cells = 0;
        for (int i = 0; i < rounds; i++) {
            // the order alternates, so neither side always runs on a heap the other just filled
            Timed plain;
            Timed readBack;
            if (i % 2 == 0) {
                plain = Timed.of(() -> plainPass(xlsx));
                readBack = Timed.of(() -> readBackAndDiff(xlsx, signer));
            } else {
                readBack = Timed.of(() -> readBackAndDiff(xlsx, signer));
                plain = Timed.of(() -> plainPass(xlsx));
            }
            cells = plain.result();
            ratios[i] = (double) readBack.wallNanos() / plain.wallNanos();
            cpuRatios[i] = (double) readBack.cpuNanos() / plain.cpuNanos();
            System.out.printf(Locale.ROOT, "round %2d: plain pass %6.1f ms (%d cells), read-back and diff %6.1f ms, ratio %.2f"
                    + " (CPU time %.2f)%n", i + 1, plain.wallNanos() / 1e6, cells, readBack.wallNanos() / 1e6, ratios[i], cpuRatios[i]);
        }
        Arrays.sort(ratios);
        Arrays.sort(cpuRatios);
        System.out.printf(Locale.ROOT, "read-back and diff / plain unzip+StAX pass, elapsed time: median %.2f, range %.2f-%.2f"
                + " over %d rounds (goal: median <= %.2f)%n", median(ratios), ratios[0], ratios[rounds - 1], rounds, GOAL);
        System.out.printf(Locale.ROOT, "the same in the measuring thread's CPU time (context for a loaded machine, no goal of"
                + " its own): median %.2f, range %.2f-%.2f%n", median(cpuRatios), cpuRatios[0], cpuRatios[rounds - 1]);
        System.out.printf(Locale.ROOT, "heap (goal: bounded): limit (-Xmx) %d MiB, old generation peak %d MiB%n",
                Runtime.getRuntime().maxMemory() >> 20, oldGenerationPeakMiB());
        return 0;
    }

    /** One timed run: elapsed time, and the CPU time of this thread (which other processes' load does not inflate). */
    private record Timed(long result, long wallNanos, long cpuNanos) {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        static Timed of(LongSupplier work) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            long result = work.getAsLong();
            return new Timed(result, System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu);
        }
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The measured work: everything a returned workbook goes through before its edits are decided. */
    static long readBackAndDiff(byte[] xlsx, ProvenanceSigner signer) {
        try (ReturnedWorkbook workbook = ReturnedWorkbook.open("bench.xlsx", xlsx)) {
            ProvenanceSheet.Provenance provenance = workbook.provenance().orElseThrow();
            if (!provenance.isIntact(signer)) {
                throw new IllegalStateException("The benchmark workbook's provenance does not verify");
            }
            return workbook.readBack(provenance).edits().size();
        }
    }

    /** The baseline: unzip with the JDK and stream every worksheet part with the JDK's XML reader, counting cells. */
    static long plainPass(byte[] xlsx) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        long cells = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.getName().startsWith("xl/worksheets/") || !entry.getName().endsWith(".xml")) {
                    continue;
                }
                // the XML reader closes its stream at the end of the document; the zip's next entry must stay readable
                XMLStreamReader xml = factory.createXMLStreamReader(new FilterInputStream(zip) {
                    @Override
                    public void close() {
                    }
                });
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                        cells++;
                    }
                }
            }
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The benchmark workbook does not read", e);
        }
    }

    /** What survived collection at its highest: the heap the read-back really holds, not garbage awaiting collection. */
    private static long oldGenerationPeakMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old") && pool.getPeakUsage() != null) {
                peak = Math.max(peak, pool.getPeakUsage().getUsed());
            }
        }
        return peak >> 20;
    }
}
