package no.kostra.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.kostra.observation.Figure;
import no.kostra.observation.Status;

/**
 * Municipality figures to store, kept column by column in primitive arrays (about 40 bytes a figure, against several
 * hundred for a list of {@link ObservationRow}s), so a million-value import fits a small heap. Not thread-safe: one
 * importer appends, then hands the columns to {@link ImportWriter}.
 *
 * <p>Strings (indicator ids, region codes, reported codes, sources, notes) are held once each in small dictionaries.
 */
public final class ObservationColumns {
    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = FIRST_YEAR + 127;
    static final int MAX_INDICATORS = 1 << 13;
    static final int MAX_REGIONS = 1 << 13;
    private static final byte NO_STATUS = -1;

    private final Dictionary indicators = new Dictionary();
    private final Dictionary regions = new Dictionary();
    private final Dictionary reportedCodes = new Dictionary();
    private final Dictionary texts = new Dictionary();
    private int[] indicator = new int[1024];
    private int[] region = new int[1024];
    private int[] reported = new int[1024];
    private short[] year = new short[1024];
    private double[] value = new double[1024];
    private byte[] status = new byte[1024];
    private int[] source = new int[1024];
    private int[] note = new int[1024];
    private boolean[] secondary = new boolean[1024];
    private int size;
    private int[] indicatorRank = new int[0];
    private int[] regionRank = new int[0];

    public static ObservationColumns of(List<ObservationRow> rows) {
        ObservationColumns columns = new ObservationColumns();
        rows.forEach(r -> columns.add(r, false));
        return columns;
    }

    /**
     * @param secondary the row was reported under a code that did not exist that year (SSB back-fills new codes into
     *                  old years): where the same figure also comes under the code valid that year, that one wins
     */
    public void add(ObservationRow row, boolean secondary) {
        if (row.year() < FIRST_YEAR || row.year() > LAST_YEAR) {
            throw new IllegalArgumentException("Year " + row.year() + " is outside " + FIRST_YEAR + ".." + LAST_YEAR);
        }
        grow();
        indicator[size] = indicators.id(row.indicatorId(), MAX_INDICATORS, "indicators");
        region[size] = regions.id(row.region(), MAX_REGIONS, "regions");
        reported[size] = reportedCodes.id(row.reportedCode(), Integer.MAX_VALUE, "reported codes");
        year[size] = (short) row.year();
        Figure figure = row.figure();
        value[size] = figure.hasValue() ? figure.value() : 0;
        status[size] = figure.hasValue() ? NO_STATUS : (byte) figure.status().ordinal();
        source[size] = texts.id(row.source(), Integer.MAX_VALUE, "texts");
        note[size] = row.note() == null ? -1 : texts.id(row.note(), Integer.MAX_VALUE, "texts");
        this.secondary[size] = secondary;
        size++;
    }

    private void grow() {
        if (size < indicator.length) {
            return;
        }
        int n = indicator.length * 2;
        indicator = Arrays.copyOf(indicator, n);
        region = Arrays.copyOf(region, n);
        reported = Arrays.copyOf(reported, n);
        year = Arrays.copyOf(year, n);
        value = Arrays.copyOf(value, n);
        status = Arrays.copyOf(status, n);
        source = Arrays.copyOf(source, n);
        note = Arrays.copyOf(note, n);
        secondary = Arrays.copyOf(secondary, n);
    }

    public int size() {
        return size;
    }

    public ObservationRow row(int i) {
        Objects.checkIndex(i, size);
        return new ObservationRow(indicatorId(i), region(i), reportedCode(i), year(i), figure(i), source(i), note(i));
    }

    Figure figure(int i) {
        return status[i] == NO_STATUS ? Figure.of(value[i]) : Figure.missing(Status.values()[status[i]]);
    }

    String indicatorId(int i) {
        return indicators.text(indicator[i]);
    }

    String region(int i) {
        return regions.text(region[i]);
    }

    String reportedCode(int i) {
        return reportedCodes.text(reported[i]);
    }

    int year(int i) {
        return year[i];
    }

    String source(int i) {
        return texts.text(source[i]);
    }

    String note(int i) {
        return note[i] < 0 ? null : texts.text(note[i]);
    }

    List<String> indicatorIds() {
        return indicators.texts;
    }

    List<String> regionCodes() {
        return regions.texts;
    }

    /** The dictionary position of a canonical region code, or -1 when no row of these columns has it. */
    int regionIndex(String code) {
        return regions.find(code);
    }

    int indicatorIndex(String id) {
        return indicators.find(id);
    }

    /**
     * (indicator, region, year) packed in a long: equal for two rows about the same figure, and ordered as the strings
     * are (indicator id, then region code, then year), so rows written in key order append to the primary key's index
     * instead of splitting pages all over it (four times faster on H2).
     */
    long key(int i) {
        return key(indicator[i], region[i], year[i]);
    }

    /** The key of a figure given by dictionary positions (see {@link #indicatorIndex}, {@link #regionIndex}). */
    long key(int indicatorIndex, int regionIndex, int year) {
        if (indicatorRank.length != indicators.texts.size() || regionRank.length != regions.texts.size()) {
            indicatorRank = ranks(indicators.texts);
            regionRank = ranks(regions.texts);
        }
        return ((long) indicatorRank[indicatorIndex] << 20) | ((long) regionRank[regionIndex] << 7) | (year - FIRST_YEAR);
    }

    /** position in the dictionary → position in sorted order */
    private static int[] ranks(List<String> texts) {
        Integer[] order = new Integer[texts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> texts.get(a).compareTo(texts.get(b)));
        int[] rank = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    /**
     * Sorts the rows by figure and keeps one row per figure. Rows saying the same thing twice are merged; a secondary
     * row (see {@link #add}) loses to a primary one and is reported; two primary rows that disagree are a conflict.
     */
    public Deduplicated deduplicate() {
        long[] packed = new long[size];
        for (int i = 0; i < size; i++) {
            packed[i] = (key(i) << 30) | i;
        }
        Arrays.sort(packed);
        int[] kept = new int[size];
        int keptCount = 0;
        List<Conflict> conflicts = new ArrayList<>();
        List<Integer> overruled = new ArrayList<>();
        int start = 0;
        while (start < size) {
            int end = start + 1;
            while (end < size && (packed[end] >>> 30) == (packed[start] >>> 30)) {
                end++;
            }
            int winner = (int) (packed[start] & ((1 << 30) - 1));
            for (int j = start + 1; j < end; j++) {
                int other = (int) (packed[j] & ((1 << 30) - 1));
                if (secondary[winner] && !secondary[other]) {
                    if (!sameFigure(winner, other)) {
                        overruled.add(winner);
                    }
                    winner = other;
                } else if (!sameFigure(winner, other)) {
                    if (secondary[other] && !secondary[winner]) {
                        overruled.add(other);
                    } else {
                        conflicts.add(new Conflict(row(winner), row(other)));
                    }
                }
            }
            kept[keptCount++] = winner;
            start = end;
        }
        return new Deduplicated(Arrays.copyOf(kept, keptCount), conflicts, overruled.stream().map(this::row).toList());
    }

    private boolean sameFigure(int a, int b) {
        return status[a] == status[b] && (status[a] != NO_STATUS || ImportWriter.stored(value[a]).compareTo(ImportWriter.stored(value[b])) == 0);
    }

    /**
     * @param keptInKeyOrder row numbers, one per figure, sorted by {@link #key}
     * @param conflicts      two rows about one figure with different figures
     * @param overruled      secondary rows that lost to a different figure under the code valid that year
     */
    public record Deduplicated(int[] keptInKeyOrder, List<Conflict> conflicts, List<ObservationRow> overruled) {
    }

    public record Conflict(ObservationRow first, ObservationRow second) {
    }

    /** Interned strings, numbered in order of first sight. */
    private static final class Dictionary {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> texts = new ArrayList<>();
        /** Importers hand the same string instance row after row; the last one is answered without a lookup. */
        private String lastText;
        private int lastId;

        int id(String text, int max, String what) {
            if (text == lastText && text != null) {
                return lastId;
            }
            lastId = lookup(text, max, what);
            lastText = text;
            return lastId;
        }

        private int lookup(String text, int max, String what) {
            Integer id = ids.get(text);
            if (id != null) {
                return id;
            }
            if (texts.size() >= max) {
                throw new IllegalArgumentException("One import holds at most " + max + " distinct " + what);
            }
            ids.put(text, texts.size());
            texts.add(text);
            return texts.size() - 1;
        }

        int find(String text) {
            Integer id = ids.get(text);
            return id == null ? -1 : id;
        }

        String text(int id) {
            return texts.get(id);
        }
    }
}
