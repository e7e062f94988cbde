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
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import no.kostra.observation.Figure;
import no.kostra.observation.Vintage;

/**
 * Writes an import atomically, in the caller's transaction. A figure equal to the current one is left alone; a
 * different one becomes a new revision, so earlier revisions stay queryable. A figure whose value did not change keeps
 * its vintage unless the import's vintage for its year is final: then it becomes a new revision that says final (a
 * vintage change, counted apart from value changes). Memory follows one run of {@link SortedObservations} and the
 * stored figures of one indicator at a time, never the size of the file or of what is stored.
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
        try (SortedObservations rows = SortedObservations.of(batch.observations())) {
            return write(c, batch, rows, WriteListener.NONE);
        }
    }

    /**
     * Writes a large import in the caller's transaction: the municipality figures come sorted (the batch's own
     * observation list is then ignored), group statistics from the batch. Rows saying the same thing twice are written
     * once; a row under a back-filled municipality number loses to a different one under the number in use that year
     * (the listener hears of it); two other rows that disagree about one figure refuse the import
     * ({@link RowsDisagreeException}, after counting them all).
     */
    public ImportResult write(Connection c, ImportBatch batch, SortedObservations observations, WriteListener listener)
            throws SQLException {
        long importId = startLog(c, batch);
        Counts counts = new Counts();
        new Observations(c, batch, observations, importId, counts, listener).write();
        writeGroupStatistics(c, batch, importId, counts, listener);
        int read = Math.toIntExact(observations.size() + batch.groupStatistics().size());
        int rejected = batch.rejected() + counts.overruled;
        finishLog(c, importId, read, rejected, counts);
        return new ImportResult(importId, read, counts.added, counts.changed, counts.vintageChanged, counts.unchanged,
                rejected, counts.changes, counts.vintageChanges, counts.conflicts, counts.conflictList);
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
        return new ImportResult(importId, read, added, changed, 0, unchanged, header.rejected(), List.of(), List.of(), 0,
                List.of());
    }

    /** What becomes of one figure of an import. */
    private enum Decision {
        ADDED, UNCHANGED, VALUE_CHANGED, VINTAGE_CHANGED;

        static Decision of(Stored now, boolean sameFigure, Vintage vintage) {
            if (now == null) {
                return ADDED;
            }
            if (!sameFigure) {
                return VALUE_CHANGED;
            }
            // The same number again keeps its vintage, unless this import makes it final.
            return now.vintage().equals(vintage.code()) || vintage == Vintage.PRELIMINARY ? UNCHANGED : VINTAGE_CHANGED;
        }

        boolean newValue() {
            return this == ADDED || this == VALUE_CHANGED;
        }
    }

    /** The municipality figures: merged in key order, decided against what is stored, one indicator at a time. */
    private static final class Observations {
        private final Connection c;
        private final ImportBatch batch;
        private final SortedObservations sorted;
        private final long importId;
        private final Counts counts;
        private final WriteListener listener;
        private final Set<String> knownIndicators;
        private final Set<String> knownRegions;
        private final BitSet checkedRegions = new BitSet();
        private ObservationSink sink;
        private int indicatorRank = -1;
        private String indicatorId;
        /** The stored figures of the current indicator, by {@link SortedObservations#figureOf}. */
        private Map<Integer, Stored> stored = Map.of();
        /** The figure decided last, the file's own "year before" for the next one. */
        private long lastKey = -1;
        private boolean lastHasValue;
        private double lastValue;
        private int disagreements;
        private ObservationRow firstDisagreeing;
        private ObservationRow secondDisagreeing;

        Observations(Connection c, ImportBatch batch, SortedObservations sorted, long importId, Counts counts,
                     WriteListener listener) throws SQLException {
            this.c = c;
            this.batch = batch;
            this.sorted = sorted;
            this.importId = importId;
            this.counts = counts;
            this.listener = listener;
            // The observation table has no foreign keys (each costs an index on H2, migration V60): its only writer
            // checks that every indicator and region it references exists. Neither table ever loses a row.
            this.knownIndicators = texts(c, "select id from indicator");
            this.knownRegions = texts(c, "select code from region");
        }

        void write() throws SQLException {
            try (SortedObservations.Cursor cursor = sorted.merge()) {
                SortedObservations.Row figure = new SortedObservations.Row();
                boolean more = cursor.next();
                while (more) {
                    figure.copyFrom(cursor.row());
                    while ((more = cursor.next()) && cursor.row().key == figure.key) {
                        settle(cursor, figure, cursor.row());
                    }
                    if (disagreements == 0) {
                        decide(cursor, figure);
                    }
                }
                closeSink();
            } catch (SQLException | RuntimeException e) {
                if (sink != null) {
                    sink.abandon();
                }
                throw e;
            }
            if (disagreements > 0) {
                throw new RowsDisagreeException(firstDisagreeing, secondDisagreeing, disagreements);
            }
        }

        /**
         * Two rows about one figure: the same figure twice is one; a row under a back-filled number loses to the row
         * under the number in use that year; any other two that differ disagree. {@code kept} ends as the one kept.
         */
        private void settle(SortedObservations.Cursor cursor, SortedObservations.Row kept, SortedObservations.Row other) {
            if (kept.secondary() && !other.secondary()) {
                if (!kept.sameFigure(other)) {
                    overruled(cursor, kept);
                }
                kept.copyFrom(other);
            } else if (!kept.sameFigure(other)) {
                if (other.secondary() && !kept.secondary()) {
                    overruled(cursor, other);
                } else if (disagreements++ == 0) {
                    firstDisagreeing = row(cursor, kept);
                    secondDisagreeing = row(cursor, other);
                }
            }
        }

        private void overruled(SortedObservations.Cursor cursor, SortedObservations.Row row) {
            counts.overruled++;
            listener.overruled(sorted.indicatorId(SortedObservations.indicatorRankOf(row.key)), cursor.reportedCode(row),
                    SortedObservations.yearOf(row.key), row.position);
        }

        private ObservationRow row(SortedObservations.Cursor cursor, SortedObservations.Row row) {
            return new ObservationRow(sorted.indicatorId(SortedObservations.indicatorRankOf(row.key)),
                    sorted.regionCode(SortedObservations.regionRankOf(row.key)), cursor.reportedCode(row),
                    SortedObservations.yearOf(row.key), row.figure(), cursor.source(row), row.note);
        }

        private void decide(SortedObservations.Cursor cursor, SortedObservations.Row row) throws SQLException {
            long key = row.key;
            if (SortedObservations.indicatorRankOf(key) != indicatorRank) {
                startIndicator(SortedObservations.indicatorRankOf(key));
            }
            int regionRank = SortedObservations.regionRankOf(key);
            String region = sorted.regionCode(regionRank);
            if (!checkedRegions.get(regionRank)) {
                if (!knownRegions.contains(region)) {
                    throw new IllegalArgumentException("Unknown region code " + region + ": not in the catalogue");
                }
                checkedRegions.set(regionRank);
            }
            int year = SortedObservations.yearOf(key);
            Stored now = stored.get(SortedObservations.figureOf(key));
            Vintage vintage = batch.vintageOf(year);
            Decision decision = Decision.of(now, now != null && now.sameAs(row), vintage);
            if (decision.newValue() && row.hasValue()) {
                listener.newValue(indicatorId, region, null, year, row.value, previousYear(key), row.position);
            }
            lastKey = key;
            lastHasValue = row.hasValue();
            lastValue = row.value;
            switch (decision) {
                case UNCHANGED -> {
                    counts.unchanged++;
                    return;
                }
                case ADDED -> counts.added++;
                case VALUE_CHANGED -> counts.valueChanged(indicatorId, region, year, null, now, row.figure(), vintage,
                        cursor.source(row));
                case VINTAGE_CHANGED -> counts.vintageChanged(indicatorId, region, year, null, now, row.figure(), vintage,
                        cursor.source(row));
            }
            if (sink == null) {
                sink = ObservationSink.open(c);
            }
            sink.add(indicatorId, region, year, now == null ? 1 : now.revision() + 1, cursor.reportedCode(row), row.value,
                    row.hasValue() ? null : row.status().symbol(), vintage.code(), cursor.source(row), row.note, importId);
        }

        /** The year before's number: the import's own when it gives that figure, else the stored one. */
        private OptionalDouble previousYear(long key) {
            if (SortedObservations.yearOf(key) == SortedObservations.FIRST_YEAR) {
                return OptionalDouble.empty();
            }
            if (lastKey == key - 1) {
                return lastHasValue ? OptionalDouble.of(lastValue) : OptionalDouble.empty();
            }
            Stored before = stored.get(SortedObservations.figureOf(key) - 1);
            return before == null || before.value() == null ? OptionalDouble.empty() : OptionalDouble.of(before.value().doubleValue());
        }

        /** Reads what is stored for the next indicator; a COPY in progress holds the connection, so it ends first. */
        private void startIndicator(int rank) throws SQLException {
            closeSink();
            indicatorRank = rank;
            indicatorId = sorted.indicatorId(rank);
            if (!knownIndicators.contains(indicatorId)) {
                throw new IllegalArgumentException("Unknown indicator " + indicatorId + ": not in the catalogue");
            }
            stored = currentRevisions(indicatorId);
            lastKey = -1;
        }

        private void closeSink() throws SQLException {
            if (sink != null) {
                ObservationSink s = sink;
                sink = null;
                s.close();
            }
        }

        /**
         * Every stored revision of one indicator, streamed once, the newest per figure kept: memory follows what is
         * stored of one indicator. The primary key's leading column makes it a range scan on every database; no ordering
         * is asked of it, so collations cannot disagree with Java's.
         */
        private Map<Integer, Stored> currentRevisions(String indicator) throws SQLException {
            Map<Integer, Stored> current = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("select region_code, ref_year, revision, num_value, status, vintage,"
                    + " source from observation where indicator_id = ?")) {
                s.setFetchSize(FETCH_SIZE);
                s.setString(1, indicator);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int region = sorted.regionRankOf(r.getString(1));
                        int year = r.getInt(2);
                        if (region < 0 || year < SortedObservations.FIRST_YEAR || year > SortedObservations.LAST_YEAR) {
                            continue;
                        }
                        int figure = SortedObservations.figureOf(SortedObservations.key(0, region, year));
                        int revision = r.getInt(3);
                        Stored known = current.get(figure);
                        if (known == null || revision > known.revision()) {
                            current.put(figure, new Stored(revision, r.getBigDecimal(4), r.getString(5), r.getString(6),
                                    r.getString(7)));
                        }
                    }
                }
            }
            return current;
        }
    }

    private static Set<String> texts(Connection c, String sql) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private void writeGroupStatistics(Connection c, ImportBatch batch, long importId, Counts counts, WriteListener listener)
            throws SQLException {
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
                        current.put(key(r.getString(1), r.getString(2), r.getInt(3), r.getString(4)),
                                new Stored(r.getInt(5), r.getBigDecimal(6), r.getString(7), r.getString(8), r.getString(9)));
                    }
                }
            }
        }
        Map<String, Figure> given = new HashMap<>();
        batch.groupStatistics().forEach(g -> given.put(key(g.indicatorId(), g.group(), g.year(), g.statistic().code()), g.figure()));
        try (PreparedStatement insert = c.prepareStatement("insert into group_statistic (indicator_id, group_code, ref_year,"
                + " statistic, revision, num_value, status, vintage, source, note, import_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < batch.groupStatistics().size(); i++) {
                GroupStatisticRow g = batch.groupStatistics().get(i);
                String statistic = g.statistic().code();
                String key = key(g.indicatorId(), g.group(), g.year(), statistic);
                Stored now = current.get(key);
                Vintage vintage = batch.vintageOf(g.year());
                Decision decision = Decision.of(now, now != null && now.sameAs(g.figure()), vintage);
                if (decision.newValue() && g.figure().hasValue()) {
                    String before = key(g.indicatorId(), g.group(), g.year() - 1, statistic);
                    Figure previous = given.containsKey(before) ? given.get(before)
                            : current.containsKey(before) ? current.get(before).figure() : null;
                    listener.newValue(g.indicatorId(), g.group(), statistic, g.year(), g.figure().value(),
                            previous == null || !previous.hasValue() ? OptionalDouble.empty() : OptionalDouble.of(previous.value()), i);
                }
                switch (decision) {
                    case UNCHANGED -> {
                        counts.unchanged++;
                        continue;
                    }
                    case ADDED -> counts.added++;
                    case VALUE_CHANGED -> counts.valueChanged(g.indicatorId(), g.group(), g.year(), statistic, now, g.figure(),
                            vintage, g.source());
                    case VINTAGE_CHANGED -> counts.vintageChanged(g.indicatorId(), g.group(), g.year(), statistic, now,
                            g.figure(), vintage, g.source());
                }
                int revision = now == null ? 1 : now.revision() + 1;
                current.put(key, Stored.of(revision, g.figure(), vintage, g.source()));
                insert.setString(1, g.indicatorId());
                insert.setString(2, g.group());
                insert.setInt(3, g.year());
                insert.setString(4, statistic);
                insert.setInt(5, revision);
                bindFigure(insert, 6, g.figure());
                insert.setString(8, vintage.code());
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

    /** {@code rows_changed} counts every new revision of a stored figure, value or vintage; the vintage ones also apart. */
    private static void finishLog(Connection c, long importId, int read, int rejected, Counts counts) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update import_log set rows_read = ?, rows_added = ?, rows_changed = ?,"
                + " rows_vintage_changed = ?, rows_unchanged = ?, rows_rejected = ? where id = ?")) {
            s.setInt(1, read);
            s.setInt(2, counts.added);
            s.setInt(3, counts.changed + counts.vintageChanged);
            s.setInt(4, counts.vintageChanged);
            s.setInt(5, counts.unchanged);
            s.setInt(6, rejected);
            s.setLong(7, importId);
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

    /** A value as the database keeps it: ten decimals. */
    public static BigDecimal stored(double value) {
        return BigDecimal.valueOf(value).setScale(STORED_SCALE, RoundingMode.HALF_UP);
    }

    private static String key(String indicator, String region, int year, String statistic) {
        return indicator + "|" + region + "|" + year + "|" + statistic;
    }

    private static List<List<String>> chunks(Set<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

    /** The current revision of a stored figure. */
    private record Stored(int revision, BigDecimal value, String status, String vintage, String source) {
        static Stored of(int revision, Figure figure, Vintage vintage, String source) {
            return figure.hasValue()
                    ? new Stored(revision, stored(figure.value()), null, vintage.code(), source)
                    : new Stored(revision, null, figure.status().symbol(), vintage.code(), source);
        }

        Figure figure() {
            return FigureRepository.figure(value, status);
        }

        boolean sameAs(Figure figure) {
            return figure.hasValue() ? value != null && value.compareTo(stored(figure.value())) == 0
                    : Objects.equals(status, figure.status().symbol());
        }

        boolean sameAs(SortedObservations.Row row) {
            return row.hasValue() ? value != null && value.compareTo(stored(row.value)) == 0
                    : Objects.equals(status, row.status().symbol());
        }
    }

    private static final class Counts {
        int added;
        int changed;
        int vintageChanged;
        int unchanged;
        /** Rows under a back-filled number set aside for the row under the number in use that year. */
        int overruled;
        int conflicts;
        final List<FigureChange> changes = new ArrayList<>();
        final List<FigureChange> vintageChanges = new ArrayList<>();
        final List<FigureChange> conflictList = new ArrayList<>();

        /** Counts a changed value, and lists it while the lists have room (a change from another source is a conflict). */
        void valueChanged(String indicator, String region, int year, String statistic, Stored before, Figure after,
                          Vintage vintage, String source) {
            changed++;
            boolean conflict = !Objects.equals(before.source(), source);
            if (conflict) {
                conflicts++;
            }
            if (changes.size() < ImportResult.LISTED || conflict && conflictList.size() < ImportResult.LISTED) {
                FigureChange change = FigureChange.of(indicator, region, year, statistic, before.figure(), before.vintage(),
                        before.source(), after, vintage, source);
                if (changes.size() < ImportResult.LISTED) {
                    changes.add(change);
                }
                if (conflict && conflictList.size() < ImportResult.LISTED) {
                    conflictList.add(change);
                }
            }
        }

        void vintageChanged(String indicator, String region, int year, String statistic, Stored before, Figure after,
                            Vintage vintage, String source) {
            vintageChanged++;
            if (vintageChanges.size() < ImportResult.LISTED) {
                vintageChanges.add(FigureChange.of(indicator, region, year, statistic, before.figure(), before.vintage(),
                        before.source(), after, vintage, source));
            }
        }
    }
}
