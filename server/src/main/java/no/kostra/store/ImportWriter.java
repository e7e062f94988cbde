package no.kostra.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.kostra.observation.Figure;
import no.kostra.observation.Vintage;

/**
 * Writes an {@link ImportBatch} atomically. A figure equal to the current one (value, status and vintage) is left
 * alone; a different one becomes a new revision, so earlier revisions stay queryable. Memory follows the size of
 * the import (municipality figures in {@link ObservationColumns}), never the size of what is stored.
 */
public final class ImportWriter {
    private static final int STORED_SCALE = 10;
    private static final int CHUNK = 500;
    private static final int FETCH_SIZE = 10_000;

    private final Database database;
    private final Clock clock;

    public ImportWriter(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public ImportResult write(ImportBatch batch) {
        return database.inTransaction(c -> write(c, batch));
    }

    /** Writes in the caller's transaction (so a catalogue update and its figures can land together). */
    public ImportResult write(Connection c, ImportBatch batch) throws SQLException {
        return write(c, batch, ObservationColumns.of(batch.observations()));
    }

    /**
     * Writes a large import in the caller's transaction: the municipality figures come as columns (the batch's own
     * observation list is then ignored), group statistics from the batch. Figures the columns hold twice with the
     * same content are written once; two different figures for one key are refused (the importer checks first).
     */
    public ImportResult write(Connection c, ImportBatch batch, ObservationColumns observations) throws SQLException {
        long importId = startLog(c, batch);
        Counts counts = new Counts();
        writeObservations(c, batch, observations, importId, counts);
        writeGroupStatistics(c, batch, importId, counts);
        int read = observations.size() + batch.groupStatistics().size();
        finishLog(c, importId, read, batch.rejected(), counts);
        return new ImportResult(importId, read, counts.added, counts.changed, counts.unchanged,
                batch.rejected(), counts.changes, counts.conflicts, counts.conflictList);
    }

    /** Logs an import that changed only the catalogue, so the data revision moves when something changed. */
    public ImportResult logCatalogImport(Connection c, ImportBatch header, int read, int added, int changed, int unchanged)
            throws SQLException {
        long importId = startLog(c, header);
        Counts counts = new Counts();
        counts.added = added;
        counts.changed = changed;
        counts.unchanged = unchanged;
        finishLog(c, importId, read, header.rejected(), counts);
        return new ImportResult(importId, read, added, changed, unchanged, header.rejected(), List.of(), 0, List.of());
    }

    private void writeObservations(Connection c, ImportBatch batch, ObservationColumns columns, long importId,
                                   Counts counts) throws SQLException {
        ObservationColumns.Deduplicated unique = columns.deduplicate();
        if (!unique.conflicts().isEmpty()) {
            throw new IllegalArgumentException("Two rows disagree about one figure: " + unique.conflicts().get(0));
        }
        int[] rows = unique.keptInKeyOrder();
        long[] keys = new long[rows.length];
        for (int k = 0; k < rows.length; k++) {
            keys[k] = columns.key(rows[k]);
        }
        checkReferences(c, "indicator", "id", columns.indicatorIds(), "indicator");
        checkReferences(c, "region", "code", columns.regionCodes(), "region code");
        int[] currentRevision = new int[rows.length];
        boolean[] unchanged = new boolean[rows.length];
        int[] storedSource = new int[rows.length];
        List<String> sources = new ArrayList<>();
        readCurrentRevisions(c, columns, rows, keys, batch.vintage(), currentRevision, unchanged, storedSource, sources);
        for (int k = 0; k < rows.length; k++) {
            if (currentRevision[k] == 0) {
                counts.added++;
            } else if (unchanged[k]) {
                counts.unchanged++;
            } else {
                counts.changed++;
                int row = rows[k];
                counts.changedFigure(c, columns.indicatorId(row), columns.region(row), columns.year(row), null,
                        currentRevision[k], sources.get(storedSource[k]), columns.figure(row), columns.source(row));
            }
        }
        // Written after the changes are listed: a COPY in progress holds the connection, and listing reads from it.
        try (ObservationSink sink = ObservationSink.open(c)) {
            for (int k = 0; k < rows.length; k++) {
                if (currentRevision[k] > 0 && unchanged[k]) {
                    continue;
                }
                int row = rows[k];
                Figure figure = columns.figure(row);
                sink.add(columns.indicatorId(row), columns.region(row), columns.year(row), currentRevision[k] + 1,
                        columns.reportedCode(row), figure.hasValue() ? stored(figure.value()) : null,
                        figure.hasValue() ? null : figure.status().symbol(), batch.vintage().code(), columns.source(row),
                        columns.note(row), importId);
            }
        }
    }

    /**
     * The observation table has no foreign keys (each one costs an index on H2, see migration V60): the only writer
     * checks here, in its own transaction, that every indicator and region it is about to reference exists. Neither
     * table ever loses a row.
     */
    private static void checkReferences(Connection c, String table, String column, List<String> wanted, String what)
            throws SQLException {
        Set<String> known = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select " + column + " from " + table)) {
            while (r.next()) {
                known.add(r.getString(1));
            }
        }
        for (String id : wanted) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("Unknown " + what + " " + id + ": not in the catalogue");
            }
        }
    }

    /**
     * Streams every stored revision of the touched indicators once and finds, for each figure of the import, its
     * newest stored revision and whether that one already says the same. Memory stays with the import's size, not
     * with the stored history; no ordering is asked of the database, so collations cannot disagree with Java's.
     */
    private static void readCurrentRevisions(Connection c, ObservationColumns columns, int[] rows, long[] keys,
                                             Vintage vintage, int[] currentRevision, boolean[] unchanged, int[] storedSource,
                                             List<String> sources) throws SQLException {
        Map<String, Integer> sourceIndex = new HashMap<>();
        // One indicator at a time: the primary key's leading column makes each a range scan on every database.
        try (PreparedStatement s = c.prepareStatement("select region_code, ref_year, revision, num_value, status, vintage,"
                + " source from observation where indicator_id = ?")) {
            s.setFetchSize(FETCH_SIZE);
            for (String indicator : columns.indicatorIds()) {
                int indicatorIndex = columns.indicatorIndex(indicator);
                s.setString(1, indicator);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int region = columns.regionIndex(r.getString(1));
                        int year = r.getInt(2);
                        if (region < 0 || year < ObservationColumns.FIRST_YEAR || year > ObservationColumns.LAST_YEAR) {
                            continue;
                        }
                        int k = Arrays.binarySearch(keys, columns.key(indicatorIndex, region, year));
                        int revision = r.getInt(3);
                        if (k >= 0 && revision > currentRevision[k]) {
                            currentRevision[k] = revision;
                            unchanged[k] = new Stored(revision, r.getBigDecimal(4), r.getString(5), r.getString(6), null)
                                    .sameAs(columns.figure(rows[k]), vintage);
                            storedSource[k] = sourceIndex.computeIfAbsent(r.getString(7), name -> {
                                sources.add(name);
                                return sources.size() - 1;
                            });
                        }
                    }
                }
            }
        }
    }

    private void writeGroupStatistics(Connection c, ImportBatch batch, long importId, Counts counts) throws SQLException {
        Set<String> indicators = new LinkedHashSet<>();
        batch.groupStatistics().forEach(g -> indicators.add(g.indicatorId()));
        Map<String, Stored> current = new HashMap<>();
        for (List<String> chunk : chunks(indicators)) {
            String sql = "select g.indicator_id, g.group_code, g.ref_year, g.statistic, g.revision, g.num_value, g.status, g.vintage,"
                    + " g.source"
                    + " from group_statistic g where g.indicator_id in (" + FigureRepository.marks(chunk.size()) + ")"
                    + " and " + FigureRepository.CURRENT_STATISTIC;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        current.put(key(r.getString(1), r.getString(2), r.getInt(3)) + "|" + r.getString(4),
                                new Stored(r.getInt(5), r.getBigDecimal(6), r.getString(7), r.getString(8), r.getString(9)));
                    }
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("insert into group_statistic (indicator_id, group_code, ref_year,"
                + " statistic, revision, num_value, status, vintage, source, note, import_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (GroupStatisticRow g : batch.groupStatistics()) {
                String key = key(g.indicatorId(), g.group(), g.year()) + "|" + g.statistic().code();
                Stored stored = current.get(key);
                Integer revision = counts.decide(stored, g.figure(), batch.vintage());
                if (revision == null) {
                    continue;
                }
                if (stored != null) {
                    counts.changedFigure(FigureChange.of(g.indicatorId(), g.group(), g.year(), g.statistic().code(),
                            stored.figure(), stored.source(), g.figure(), g.source()));
                }
                current.put(key, Stored.of(revision, g.figure(), batch.vintage(), g.source()));
                insert.setString(1, g.indicatorId());
                insert.setString(2, g.group());
                insert.setInt(3, g.year());
                insert.setString(4, g.statistic().code());
                insert.setInt(5, revision);
                bindFigure(insert, 6, g.figure());
                insert.setString(8, batch.vintage().code());
                insert.setString(9, g.source());
                insert.setString(10, g.note());
                insert.setLong(11, importId);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private long startLog(Connection c, ImportBatch batch) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into import_log (kind, source_name, checksum, vintage, imported_at,"
                + " rows_read, rows_added, rows_changed, rows_unchanged, rows_rejected) values (?, ?, ?, ?, ?, 0, 0, 0, 0, 0)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, batch.kind());
            s.setString(2, batch.sourceName());
            s.setString(3, batch.checksum());
            s.setString(4, batch.vintage().code());
            s.setTimestamp(5, Timestamp.from(clock.instant()));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void finishLog(Connection c, long importId, int read, int rejected, Counts counts) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update import_log set rows_read = ?, rows_added = ?, rows_changed = ?,"
                + " rows_unchanged = ?, rows_rejected = ? where id = ?")) {
            s.setInt(1, read);
            s.setInt(2, counts.added);
            s.setInt(3, counts.changed);
            s.setInt(4, counts.unchanged);
            s.setInt(5, rejected);
            s.setLong(6, importId);
            s.executeUpdate();
        }
    }

    private static void bindFigure(PreparedStatement s, int index, Figure figure) throws SQLException {
        if (figure.hasValue()) {
            s.setBigDecimal(index, stored(figure.value()));
            s.setNull(index + 1, Types.VARCHAR);
        } else {
            s.setNull(index, Types.NUMERIC);
            s.setString(index + 1, figure.status().symbol());
        }
    }

    static BigDecimal stored(double value) {
        return BigDecimal.valueOf(value).setScale(STORED_SCALE, RoundingMode.HALF_UP);
    }

    private static String key(String indicator, String region, int year) {
        return indicator + "|" + region + "|" + year;
    }

    private static List<List<String>> chunks(Set<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

    private record Stored(int revision, BigDecimal value, String status, String vintage, String source) {
        static Stored of(int revision, Figure figure, Vintage vintage, String source) {
            return figure.hasValue()
                    ? new Stored(revision, stored(figure.value()), null, vintage.code(), source)
                    : new Stored(revision, null, figure.status().symbol(), vintage.code(), source);
        }

        Figure figure() {
            return FigureRepository.figure(value, status);
        }

        boolean sameAs(Figure figure, Vintage vintage) {
            boolean sameFigure = figure.hasValue()
                    ? value != null && value.compareTo(stored(figure.value())) == 0
                    : Objects.equals(status, figure.status().symbol());
            return sameFigure && this.vintage.equals(vintage.code());
        }
    }

    private static final class Counts {
        int added;
        int changed;
        int unchanged;
        int conflicts;
        final List<FigureChange> changes = new ArrayList<>();
        final List<FigureChange> conflictList = new ArrayList<>();

        /**
         * Counts a changed municipality figure and lists it while the lists have room. The figure it replaces is read
         * only then: a large import that changes everything keeps no more than its sources per figure.
         */
        void changedFigure(Connection c, String indicator, String region, int year, String statistic, int storedRevision,
                           String storedSource, Figure figure, String source) throws SQLException {
            boolean anotherSource = !Objects.equals(storedSource, source);
            if (anotherSource) {
                conflicts++;
            }
            if (changes.size() < ImportResult.LISTED || anotherSource && conflictList.size() < ImportResult.LISTED) {
                list(FigureChange.of(indicator, region, year, statistic, storedFigure(c, indicator, region, year,
                        storedRevision), storedSource, figure, source));
            }
        }

        void changedFigure(FigureChange change) {
            if (change.fromAnotherSource()) {
                conflicts++;
            }
            list(change);
        }

        private void list(FigureChange change) {
            if (changes.size() < ImportResult.LISTED) {
                changes.add(change);
            }
            if (change.fromAnotherSource() && conflictList.size() < ImportResult.LISTED) {
                conflictList.add(change);
            }
        }

        private static Figure storedFigure(Connection c, String indicator, String region, int year, int revision)
                throws SQLException {
            try (PreparedStatement s = c.prepareStatement("select num_value, status from observation where indicator_id = ?"
                    + " and region_code = ? and ref_year = ? and revision = ?")) {
                s.setString(1, indicator);
                s.setString(2, region);
                s.setInt(3, year);
                s.setInt(4, revision);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return FigureRepository.figure(r.getBigDecimal(1), r.getString(2));
                }
            }
        }

        /** The revision to write, or null when the stored figure is already this one. */
        Integer decide(Stored stored, Figure figure, Vintage vintage) {
            if (stored == null) {
                added++;
                return 1;
            }
            if (stored.sameAs(figure, vintage)) {
                unchanged++;
                return null;
            }
            changed++;
            return stored.revision() + 1;
        }
    }
}
