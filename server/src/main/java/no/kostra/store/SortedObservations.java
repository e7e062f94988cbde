package no.kostra.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import no.kostra.observation.Figure;
import no.kostra.observation.Status;

/**
 * Municipality figures to store, handed to the writer in key order (indicator, region, year; file order among rows
 * about the same figure) while no more than one run of them is held: a full run is sorted and spilled to a temporary
 * file, and {@link #merge} reads the runs back merged. An import's memory therefore stops at one run (about 50 bytes a
 * figure, {@value #RUN} figures, 13 MB) however large its file; a file that fits in one run is never written out. Not
 * thread-safe: one importer appends, the writer merges once. {@link #close} deletes the spilled runs.
 *
 * <p>Keys rank indicator ids and region codes as the strings sort, so rows written in key order append to the primary
 * key's index instead of splitting pages all over it (four times faster on H2). The ranks come from the codes the rows
 * may use (the catalogue's), fixed before the first row, so runs sorted at different times agree.
 */
public final class SortedObservations implements AutoCloseable {
    /** Figures held before a run is spilled. */
    public static final int RUN = 1 << 18;
    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = FIRST_YEAR + 127;
    private static final int YEAR_BITS = 7;
    private static final int RANK_BITS = 16;
    private static final int INDEX_BITS = 24;
    private static final int SECONDARY = 8;
    static final int HAS_NOTE = 16;
    static final int STATUS_MASK = 7;

    private final List<String> indicatorIds;
    private final List<String> regionCodes;
    private final Map<String, Integer> indicatorRanks = new HashMap<>();
    private final Map<String, Integer> regionRanks = new HashMap<>();
    private final Dictionary reportedCodes = new Dictionary();
    private final Dictionary sources = new Dictionary();
    private final int runSize;
    /** Where runs are spilled: null for the system's temporary folder. */
    private final Path spillFolder;
    private final List<Path> spilled = new ArrayList<>();
    private long[] key = new long[0];
    private int[] reported = new int[0];
    private double[] value = new double[0];
    private byte[] flags = new byte[0];
    private int[] source = new int[0];
    private long[] position = new long[0];
    private String[] note = new String[0];
    private int size;
    private long total;
    private String lastIndicator;
    private int lastIndicatorRank;
    private String lastRegion;
    private int lastRegionRank;
    private boolean merged;

    /**
     * @param indicatorIds every indicator id a row may name
     * @param regionCodes  every (canonical) region code a row may name
     */
    public SortedObservations(Collection<String> indicatorIds, Collection<String> regionCodes) {
        this(indicatorIds, regionCodes, RUN);
    }

    SortedObservations(Collection<String> indicatorIds, Collection<String> regionCodes, int runSize) {
        this(indicatorIds, regionCodes, runSize, null);
    }

    SortedObservations(Collection<String> indicatorIds, Collection<String> regionCodes, int runSize, Path spillFolder) {
        this.indicatorIds = List.copyOf(new TreeSet<>(indicatorIds));
        this.regionCodes = List.copyOf(new TreeSet<>(regionCodes));
        if (this.indicatorIds.size() > 1 << RANK_BITS || this.regionCodes.size() > 1 << RANK_BITS) {
            throw new IllegalArgumentException("At most " + (1 << RANK_BITS) + " indicators and regions can be ranked");
        }
        if (runSize < 1 || runSize > 1 << INDEX_BITS) {
            throw new IllegalArgumentException("A run holds 1 to " + (1 << INDEX_BITS) + " figures, not " + runSize);
        }
        for (int i = 0; i < this.indicatorIds.size(); i++) {
            indicatorRanks.put(this.indicatorIds.get(i), i);
        }
        for (int i = 0; i < this.regionCodes.size(); i++) {
            regionRanks.put(this.regionCodes.get(i), i);
        }
        this.runSize = runSize;
        this.spillFolder = spillFolder;
    }

    /** The rows of a list, in a universe of their own codes (a small import: a returned workbook's corrections). */
    public static SortedObservations of(List<ObservationRow> rows) {
        SortedObservations sorted = new SortedObservations(rows.stream().map(ObservationRow::indicatorId).toList(),
                rows.stream().map(ObservationRow::region).toList());
        for (int i = 0; i < rows.size(); i++) {
            ObservationRow r = rows.get(i);
            sorted.add(r.indicatorId(), r.region(), r.reportedCode(), r.year(), r.figure(), r.source(), r.note(), false, i);
        }
        return sorted;
    }

    /**
     * @param secondary the row was reported under a code that did not exist that year (SSB back-fills new codes into
     *                  old years): where the same figure also comes under the code valid that year, that one wins
     * @param position  where the row was in its file, handed back with it (for messages)
     */
    public void add(String indicatorId, String region, String reportedCode, int year, Figure figure, String sourceText,
                    String noteText, boolean secondary, long position) {
        if (merged) {
            throw new IllegalStateException("The figures were merged already");
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("Year " + year + " is outside " + FIRST_YEAR + ".." + LAST_YEAR);
        }
        if (size == runSize) {
            spill();
        }
        grow();
        key[size] = key(indicatorRank(indicatorId), regionRank(region), year);
        reported[size] = reportedCodes.id(reportedCode);
        value[size] = figure.hasValue() ? figure.value() : 0;
        flags[size] = (byte) ((figure.hasValue() ? 0 : figure.status().ordinal() + 1) | (secondary ? SECONDARY : 0)
                | (noteText == null ? 0 : HAS_NOTE));
        source[size] = sources.id(sourceText);
        note[size] = noteText;
        this.position[size] = position;
        size++;
        total++;
    }

    /** Every row added, duplicates included. */
    public long size() {
        return total;
    }

    /** The ids and codes in rank order: what a key's ranks name. */
    String indicatorId(int rank) {
        return indicatorIds.get(rank);
    }

    String regionCode(int rank) {
        return regionCodes.get(rank);
    }

    /** The rank of a region code, or -1 when no row can have it. */
    int regionRankOf(String code) {
        Integer rank = regionRanks.get(code);
        return rank == null ? -1 : rank;
    }

    static long key(int indicatorRank, int regionRank, int year) {
        return ((long) indicatorRank << (RANK_BITS + YEAR_BITS)) | ((long) regionRank << YEAR_BITS) | (year - FIRST_YEAR);
    }

    static int indicatorRankOf(long key) {
        return (int) (key >>> (RANK_BITS + YEAR_BITS));
    }

    static int regionRankOf(long key) {
        return (int) (key >>> YEAR_BITS) & ((1 << RANK_BITS) - 1);
    }

    static int yearOf(long key) {
        return (int) (key & ((1 << YEAR_BITS) - 1)) + FIRST_YEAR;
    }

    /** (region, year) within one indicator: what a stored figure of that indicator is found by. */
    static int figureOf(long key) {
        return (int) (key & ((1L << (RANK_BITS + YEAR_BITS)) - 1));
    }

    private int indicatorRank(String id) {
        if (id != lastIndicator) {
            Integer rank = indicatorRanks.get(id);
            if (rank == null) {
                throw new IllegalArgumentException("Unknown indicator " + id + ": not in the catalogue");
            }
            lastIndicator = id;
            lastIndicatorRank = rank;
        }
        return lastIndicatorRank;
    }

    private int regionRank(String code) {
        if (code != lastRegion) {
            Integer rank = regionRanks.get(code);
            if (rank == null) {
                throw new IllegalArgumentException("Unknown region code " + code + ": not in the catalogue");
            }
            lastRegion = code;
            lastRegionRank = rank;
        }
        return lastRegionRank;
    }

    private void grow() {
        if (size < key.length) {
            return;
        }
        int n = (int) Math.min(runSize, Math.max(1024, key.length * 2L));
        key = Arrays.copyOf(key, n);
        reported = Arrays.copyOf(reported, n);
        value = Arrays.copyOf(value, n);
        flags = Arrays.copyOf(flags, n);
        source = Arrays.copyOf(source, n);
        position = Arrays.copyOf(position, n);
        note = Arrays.copyOf(note, n);
    }

    /** The current run's row numbers in key order, file order among equal keys. */
    private int[] order() {
        long[] packed = new long[size];
        for (int i = 0; i < size; i++) {
            packed[i] = key[i] << INDEX_BITS | i;
        }
        Arrays.sort(packed);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) (packed[i] & ((1 << INDEX_BITS) - 1));
        }
        return order;
    }

    private void spill() {
        int[] order = order();
        try {
            Path file = spillFolder == null ? Files.createTempFile("kostra-import-", ".run")
                    : Files.createTempFile(spillFolder, "kostra-import-", ".run");
            spilled.add(file);
            try (RunFile.Writer out = new RunFile.Writer(file)) {
                for (int i : order) {
                    out.put(key[i], reported[i], flags[i], value[i], source[i], position[i], note[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not spill an import's sorted figures to a temporary file", e);
        }
        Arrays.fill(note, 0, size, null);
        size = 0;
    }

    /** The rows in key order, once; the runs spilled are read back as the merge goes. */
    Cursor merge() {
        if (merged) {
            throw new IllegalStateException("The figures were merged already");
        }
        merged = true;
        List<Run> runs = new ArrayList<>();
        try {
            for (Path file : spilled) {
                runs.add(new FileRun(runs.size(), file));
            }
        } catch (IOException e) {
            runs.forEach(Run::close);
            throw new UncheckedIOException("Could not read back an import's sorted figures", e);
        }
        runs.add(new MemoryRun(runs.size(), order()));
        return new Cursor(runs);
    }

    @Override
    public void close() {
        for (Path file : spilled) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is the operating system's to clean; the import's outcome stands
            }
        }
        spilled.clear();
    }

    /** One row as the merge hands it over. Mutable, reused: read it before the next step. */
    static final class Row {
        long key;
        int reported;
        byte flags;
        double value;
        int source;
        long position;
        String note;

        void copyFrom(Row other) {
            key = other.key;
            reported = other.reported;
            flags = other.flags;
            value = other.value;
            source = other.source;
            position = other.position;
            note = other.note;
        }

        boolean hasValue() {
            return (flags & STATUS_MASK) == 0;
        }

        /** The status, or null when the row holds a value. */
        Status status() {
            int s = flags & STATUS_MASK;
            return s == 0 ? null : Status.values()[s - 1];
        }

        boolean secondary() {
            return (flags & SECONDARY) != 0;
        }

        /** Whether two rows say the same: the same status, or values equal as stored. */
        boolean sameFigure(Row other) {
            if ((flags & STATUS_MASK) != (other.flags & STATUS_MASK)) {
                return false;
            }
            return !hasValue() || value == other.value || ImportWriter.stored(value).compareTo(ImportWriter.stored(other.value)) == 0;
        }

        Figure figure() {
            return hasValue() ? Figure.of(value) : Figure.missing(status());
        }
    }

    /** A run being read: its current row, and the next. */
    private abstract static class Run {
        final int index;
        final Row row = new Row();

        Run(int index) {
            this.index = index;
        }

        /** Loads the next row into {@link #row}; false at the end. */
        abstract boolean advance();

        void close() {
        }
    }

    private final class MemoryRun extends Run {
        private final int[] order;
        private int next;

        MemoryRun(int index, int[] order) {
            super(index);
            this.order = order;
        }

        @Override
        boolean advance() {
            if (next == order.length) {
                return false;
            }
            int i = order[next++];
            row.key = key[i];
            row.reported = reported[i];
            row.flags = flags[i];
            row.value = value[i];
            row.source = source[i];
            row.position = position[i];
            row.note = note[i];
            return true;
        }
    }

    private static final class FileRun extends Run {
        private final RunFile.Reader in;

        FileRun(int index, Path file) throws IOException {
            super(index);
            in = new RunFile.Reader(file);
        }

        @Override
        boolean advance() {
            try {
                if (!in.next(row)) {
                    close();
                    return false;
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read back an import's sorted figures", e);
            }
        }

        @Override
        void close() {
            in.close();
        }
    }

    /** The merged rows: every run's next row, the least key first (the earlier run among equal keys). */
    final class Cursor implements AutoCloseable {
        private final PriorityQueue<Run> queue = new PriorityQueue<>((a, b) -> a.row.key != b.row.key
                ? Long.compare(a.row.key, b.row.key) : Integer.compare(a.index, b.index));
        private final List<Run> runs;
        private Run current;

        private Cursor(List<Run> runs) {
            this.runs = runs;
            for (Run run : runs) {
                if (run.advance()) {
                    queue.add(run);
                }
            }
        }

        /** Moves to the next row; false when there is none. */
        boolean next() {
            if (current != null && current.advance()) {
                queue.add(current);
            }
            current = queue.poll();
            return current != null;
        }

        /** The row moved to. */
        Row row() {
            return current.row;
        }

        String reportedCode(Row row) {
            return reportedCodes.text(row.reported);
        }

        String source(Row row) {
            return sources.text(row.source);
        }

        @Override
        public void close() {
            runs.forEach(Run::close);
        }
    }

    /** Interned strings, numbered in order of first sight. */
    private static final class Dictionary {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> texts = new ArrayList<>();
        /** Importers hand the same string instance row after row; the last one is answered without a lookup. */
        private String lastText;
        private int lastId;

        int id(String text) {
            if (text == lastText && text != null) {
                return lastId;
            }
            Integer id = ids.get(text);
            if (id == null) {
                id = texts.size();
                ids.put(text, id);
                texts.add(text);
            }
            lastText = text;
            lastId = id;
            return id;
        }

        String text(int id) {
            return texts.get(id);
        }
    }
}
