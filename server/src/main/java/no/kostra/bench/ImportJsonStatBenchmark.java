package no.kostra.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import no.kostra.cli.DatabaseLogin;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.ImportReport;
import no.kostra.ingest.SeedFiles;
import no.kostra.ingest.SeedImporter;
import no.kostra.ingest.synthetic.SyntheticDataset;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.store.Database;
import no.kostra.store.DatabaseSettings;
import no.kostra.store.ImportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Imports a generated JSON-stat file of about a million values (the synthetic dataset: 357 municipalities × 281
 * indicators × 10 years) and measures two goals, each against a floor measured in the same run:
 * <ul>
 *   <li>parse+validate ≤ 3 × a bare Jackson token loop over the same bytes (best of the rounds);</li>
 *   <li>the whole import ≤ 1.3 × what the database itself takes to store the same rows: on H2 a bare JDBC batch insert
 *       (the statement and batch size the import's writer uses, nothing else), on PostgreSQL a bare
 *       {@code COPY FROM STDIN}. Paired rounds: the observation table emptied, the file imported into it, then the
 *       same rows stored bare into a fresh table of the observation table's shape; the median of the rounds' ratios,
 *       with their range.</li>
 * </ul>
 */
@Command(name = "import-jsonstat", mixinStandardHelpOptions = true,
        description = "Import a 1-million-value JSON-stat file: parse+validate against a bare Jackson token loop, and the"
                + " whole import against a bare batch insert (H2) or bare COPY (PostgreSQL) of the same rows, in paired rounds.")
public final class ImportJsonStatBenchmark implements Callable<Integer> {
    private static final double PARSE_GOAL = 3.0;
    private static final double STORE_GOAL = 1.3;
    private static final int BATCH = 5_000;
    private static final String COLUMNS = "indicator_id, region_code, ref_year, revision, reported_code, num_value, status,"
            + " vintage, source, note, import_id";

    @Option(names = "--rounds", defaultValue = "5", description = "Paired rounds of import and floor, and rounds of the token"
            + " loop and parse+validate (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "Measure on this (empty, scratch) PostgreSQL database instead of an embedded one in a temp folder.")
    String dbUrl;

    @Mixin
    DatabaseLogin login = new DatabaseLogin();

    private DatabaseSettings databaseIn(Path dir) {
        return dbUrl == null ? DatabaseSettings.embedded(dir.resolve("db")) : new DatabaseSettings(dbUrl, login.user(), login.password());
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("kostra-bench-import");
        try {
            SyntheticDataset dataset = new SyntheticDataset(SeedImporter.catalogOf(SeedFiles.fromClasspath()),
                    SyntheticDataset.DEFAULT_SEED, 357, 281, 2015, 2024);
            List<Path> files = dataset.write(dir.resolve("synthetic"));
            byte[] json = Files.readAllBytes(files.get(2));
            System.out.printf(Locale.ROOT, "file: %d values, %.1f MB JSON-stat; %s%n", dataset.valueCount(), json.length / 1e6,
                    dbUrl == null ? "embedded H2" : "PostgreSQL");
            try (Services services = Services.openSeeded(databaseIn(dir), Clock.systemUTC())) {
                ImportOptions catalog = new ImportOptions(ImportFormat.CATALOG, null, Vintage.FINAL, null);
                for (Path table : files.subList(0, 2)) {
                    services.importer().importFile(table.getFileName().toString(), Files.readAllBytes(table), catalog);
                }
                ImportOptions options = new ImportOptions(ImportFormat.JSON_STAT, null, Vintage.FINAL, null);
                parseAndValidate(services, json, options);
                ImportReport first = services.importer().importFile("observations.json", json, options);
                double reload = seconds(() -> services.importer().importFile("observations.json", json, options));
                System.out.printf(Locale.ROOT, "re-import of the same file, %d figures unchanged: %.3f s (no goal)%n",
                        first.added(), reload);
                Floor floor = dbUrl == null ? new BatchInsert(services.database(), first.importId())
                        : new BareCopy(services.database(), first.importId());
                storeRounds(services, json, options, first.added(), floor);
                System.out.printf(Locale.ROOT, "max heap %d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** Parse+validate (reading and checking every figure against the catalogue, nothing stored) against the token loop. */
    private void parseAndValidate(Services services, byte[] json, ImportOptions options) throws Exception {
        tokenLoop(json);
        services.importer().check("observations.json", json, options);
        double loop = Double.MAX_VALUE;
        double check = Double.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            loop = Math.min(loop, seconds(() -> tokenLoop(json)));
            check = Math.min(check, seconds(() -> services.importer().check("observations.json", json, options)));
        }
        System.out.printf(Locale.ROOT, "parse+validate %.3f s / bare Jackson token loop %.3f s (best of %d): ratio %.2f"
                + " (goal <= %.2f)%n", check, loop, rounds, check / loop, PARSE_GOAL);
    }

    /** What the database itself takes to store the rows one import stored, in a fresh table of the observation table's shape. */
    private interface Floor {
        String name();

        double seconds() throws Exception;
    }

    /**
     * Paired rounds: the observation table emptied and the file imported into it, then the floor. One round is at the
     * mercy of the machine's other work; the median of the rounds' ratios is the figure, printed with their range.
     */
    private void storeRounds(Services services, byte[] json, ImportOptions options, int added, Floor floor) throws Exception {
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            services.database().inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("truncate table observation");
                }
                return 0;
            });
            long start = System.nanoTime();
            ImportReport report = services.importer().importFile("observations.json", json, options);
            double load = (System.nanoTime() - start) / 1e9;
            if (report.added() != added) {
                throw new IllegalStateException("round " + round + " added " + report.added() + ", not " + added);
            }
            double bare = floor.seconds();
            ratios.add(load / bare);
            System.out.printf(Locale.ROOT, "round %d: import into an empty observation table %.3f s, %s %.3f s, ratio %.2f%n",
                    round, load, floor.name(), bare, load / bare);
        }
        Collections.sort(ratios);
        System.out.printf(Locale.ROOT, "whole import / %s of the same %d rows: median %.2f (%.2f-%.2f) over %d rounds"
                        + " (goal <= %.2f)%n", floor.name(), added, ratios.get(ratios.size() / 2), ratios.get(0),
                ratios.get(ratios.size() - 1), ratios.size(), STORE_GOAL);
    }

    /**
     * H2's floor: the rows the import stored, read into memory first in the order the import writes them (key order; not
     * timed), then one prepared insert of all eleven columns in batches of {@value #BATCH}, in one transaction, into a
     * fresh table with the observation table's columns and primary key: the writer's own statement with nothing around
     * it. Values are bound as the writer binds them ({@link ImportWriter#stored}).
     */
    private static final class BatchInsert implements Floor {
        private final Database database;
        private final List<String> texts = new ArrayList<>();
        private final int[][] columns;
        private final int[] years;
        private final double[] values;

        BatchInsert(Database database, long importId) {
            this.database = database;
            Map<String, Integer> ids = new HashMap<>();
            List<int[]> rows = new ArrayList<>();
            List<Integer> yearList = new ArrayList<>();
            List<Double> valueList = new ArrayList<>();
            database.read(c -> {
                try (PreparedStatement s = c.prepareStatement("select indicator_id, region_code, reported_code, status, vintage,"
                        + " source, ref_year, num_value from observation where import_id = ? order by indicator_id, region_code,"
                        + " ref_year")) {
                    s.setLong(1, importId);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            int[] row = new int[6];
                            for (int i = 0; i < 6; i++) {
                                String text = r.getString(i + 1);
                                row[i] = text == null ? -1 : ids.computeIfAbsent(text, t -> {
                                    texts.add(t);
                                    return texts.size() - 1;
                                });
                            }
                            rows.add(row);
                            yearList.add(r.getInt(7));
                            valueList.add(r.getBigDecimal(8) == null ? Double.NaN : r.getBigDecimal(8).doubleValue());
                        }
                    }
                }
                return rows.size();
            });
            columns = rows.toArray(new int[0][]);
            years = yearList.stream().mapToInt(Integer::intValue).toArray();
            values = valueList.stream().mapToDouble(Double::doubleValue).toArray();
        }

        @Override
        public String name() {
            return "bare batch insert";
        }

        @Override
        public double seconds() throws Exception {
            return ImportJsonStatBenchmark.seconds(() -> database.inTransaction(c -> {
                createScratchTable(c, "bench_floor");
                try (PreparedStatement insert = c.prepareStatement("insert into bench_floor (" + COLUMNS + ")"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < columns.length; i++) {
                        int[] row = columns[i];
                        insert.setString(1, texts.get(row[0]));
                        insert.setString(2, texts.get(row[1]));
                        insert.setInt(3, years[i]);
                        insert.setInt(4, 1);
                        insert.setString(5, texts.get(row[2]));
                        if (Double.isNaN(values[i])) {
                            insert.setNull(6, Types.NUMERIC);
                        } else {
                            insert.setBigDecimal(6, ImportWriter.stored(values[i]));
                        }
                        insert.setString(7, row[3] < 0 ? null : texts.get(row[3]));
                        insert.setString(8, texts.get(row[4]));
                        insert.setString(9, texts.get(row[5]));
                        insert.setString(10, null);
                        insert.setLong(11, 1);
                        insert.addBatch();
                        if ((i + 1) % BATCH == 0) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
                dropScratchTable(c, "bench_floor");
                return columns.length;
            }));
        }
    }

    /**
     * PostgreSQL's floor for what the import writes with {@code COPY}: the rows the import stored, copied out to memory
     * first (not timed), then one {@code COPY FROM STDIN} of them into a fresh table of the observation table's shape,
     * timed on its own transaction.
     */
    private static final class BareCopy implements Floor {
        private final Database database;
        private final byte[] rows;

        BareCopy(Database database, long importId) {
            this.database = database;
            this.rows = database.read(c -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyOut("copy (select " + COLUMNS
                            + " from observation where import_id = " + importId + ") to stdout", out);
                } catch (IOException e) {
                    throw new SQLException(e);
                }
                return out.toByteArray();
            });
        }

        @Override
        public String name() {
            return "bare COPY";
        }

        @Override
        public double seconds() throws Exception {
            return ImportJsonStatBenchmark.seconds(() -> database.inTransaction(c -> {
                createScratchTable(c, "bench_copy");
                long copied;
                try {
                    copied = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                            .copyIn("copy bench_copy (" + COLUMNS + ") from stdin", new ByteArrayInputStream(rows));
                } catch (IOException e) {
                    throw new SQLException(e);
                }
                dropScratchTable(c, "bench_copy");
                return copied;
            }));
        }
    }

    /** A table shaped like {@code observation}: the same columns and primary key, nothing else. */
    private static void createScratchTable(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table " + name + " (indicator_id varchar(80) not null, region_code varchar(16) not null,"
                    + " ref_year int not null, revision int not null, reported_code varchar(16) not null,"
                    + " num_value numeric(28, 10), status varchar(2), vintage varchar(16) not null,"
                    + " source varchar(400) not null, note varchar(1000), import_id bigint not null,"
                    + " primary key (indicator_id, region_code, ref_year, revision))");
        }
    }

    private static void dropScratchTable(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("drop table " + name);
        }
    }

    /** Reads every token and touches every number: the least any JSON reader must do. */
    private static long tokenLoop(byte[] json) {
        long checksum = 0;
        try (JsonParser p = new JsonFactory().createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                    checksum += (long) p.getDoubleValue();
                } else {
                    checksum++;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return checksum;
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static double seconds(Work work) throws Exception {
        long start = System.nanoTime();
        Object result = work.run();
        if (result == null) {
            throw new IllegalStateException("no result");
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
