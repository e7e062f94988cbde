package no.kostra.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import no.kostra.workbook.ProvenanceSheet;
import no.kostra.workbook.ProvenanceSigner;
import no.kostra.workbook.SyntheticFilledWorkbook;
import no.kostra.workbook.roundtrip.Edit;
import no.kostra.workbook.roundtrip.ReturnedWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reading back and diffing a returned workbook with 10 000 mapped cells (open safely, read and verify the signed
 * provenance, find every cell again, compare), against a plain streaming scan (POI's SAX event reader visiting every
 * cell of every sheet) of the same file, in the same run. Goal: ratio ≤ 5. Run with -Xmx to bound the heap.
 */
@Command(name = "read-back", mixinStandardHelpOptions = true,
        description = "Read-back and diff of a returned workbook against a plain streaming scan of the same file.")
public final class ReadBackBenchmark implements Callable<Integer> {
    /** One figure in a hundred corrected, as a service leader might. */
    static final int EDIT_EVERY = 100;

    @Option(names = "--rows", defaultValue = "1000", description = "Table rows (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--years", defaultValue = "10", description = "Figures per row (default: ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--rounds", defaultValue = "10", description = "Measured rounds of each (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        ProvenanceSigner signer = new ProvenanceSigner("bench", new byte[32]);
        byte[] xlsx = SyntheticFilledWorkbook.build(rows, years, EDIT_EVERY, signer);
        System.out.printf(Locale.ROOT, "workbook: %d mapped cells, %d bytes%n", rows * years, xlsx.length);
        LongSupplier scan = () -> streamingScan(xlsx);
        LongSupplier readBack = () -> readBackAndDiff(xlsx, signer);
        for (int i = 0; i < 3; i++) {
            scan.getAsLong();
            readBack.getAsLong();
        }
        long scanNanos = 0;
        long readBackNanos = 0;
        long cells = 0;
        long edits = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            cells = scan.getAsLong();
            long t1 = System.nanoTime();
            edits = readBack.getAsLong();
            long t2 = System.nanoTime();
            scanNanos += t1 - t0;
            readBackNanos += t2 - t1;
        }
        System.out.printf(Locale.ROOT, "baseline streaming scan: %.1f ms per file (%d cells visited)%n", scanNanos / 1e6 / rounds, cells);
        System.out.printf(Locale.ROOT, "read back and diff     : %.1f ms per file (%d edits found)%n", readBackNanos / 1e6 / rounds, edits);
        System.out.printf(Locale.ROOT, "ratio read-back/scan: %.2f (goal <= 5.00); heap limit (-Xmx) %d MiB, old generation peak %d MiB%n",
                (double) readBackNanos / scanNanos, Runtime.getRuntime().maxMemory() >> 20, oldGenerationPeakMiB());
        return 0;
    }

    private static long readBackAndDiff(byte[] xlsx, ProvenanceSigner signer) {
        try (ReturnedWorkbook workbook = ReturnedWorkbook.open("bench.xlsx", xlsx)) {
            ProvenanceSheet.Provenance provenance = workbook.provenance().orElseThrow();
            if (!provenance.isIntact(signer)) {
                throw new IllegalStateException("The benchmark workbook's provenance does not verify");
            }
            List<Edit> edits = workbook.readBack(provenance).edits();
            return edits.size();
        }
    }

    private static long streamingScan(byte[] xlsx) {
        long[] count = {0};
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings,
                            new XSSFSheetXMLHandler.SheetContentsHandler() {
                                @Override
                                public void startRow(int rowNum) {
                                }

                                @Override
                                public void endRow(int rowNum) {
                                }

                                @Override
                                public void cell(String ref, String value, XSSFComment comment) {
                                    count[0]++;
                                }
                            }, false));
                    parser.parse(new InputSource(sheet));
                }
            }
            return count[0];
        } catch (Exception e) {
            throw new IllegalStateException("Streaming scan failed", e);
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
