package no.kostra.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Imports a generated JSON-stat file of about a million values (the synthetic dataset: 357 municipalities × 281
 * indicators × 10 years) into an embedded database in a temp folder, and compares with a bare Jackson token loop over
 * the same bytes in the same run. Goals: parse+validate+load ≤ 3 × the token loop, whole import ≤ 10 s under -Xmx256m.
 */
@Command(name = "import-jsonstat", mixinStandardHelpOptions = true,
        description = "Import a 1-million-value JSON-stat file; ratio to a bare Jackson token loop over the same file.")
public final class ImportJsonStatBenchmark implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds of the token loop and of parse+validate (default: ${DEFAULT-VALUE}).")
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
            System.out.printf(Locale.ROOT, "file: %d values, %.1f MB JSON-stat%n", dataset.valueCount(), json.length / 1e6);
            try (Services services = Services.openSeeded(databaseIn(dir), Clock.systemUTC())) {
                ImportOptions catalog = new ImportOptions(ImportFormat.CATALOG, null, Vintage.FINAL, null);
                for (Path table : files.subList(0, 2)) {
                    services.importer().importFile(table.getFileName().toString(), Files.readAllBytes(table), catalog);
                }
                ImportOptions options = new ImportOptions(ImportFormat.JSON_STAT, null, Vintage.FINAL, null);
                tokenLoop(json);
                services.importer().check("observations.json", json, options);
                double loop = Double.MAX_VALUE;
                double check = Double.MAX_VALUE;
                for (int i = 0; i < rounds; i++) {
                    loop = Math.min(loop, seconds(() -> tokenLoop(json)));
                    check = Math.min(check, seconds(() -> services.importer().check("observations.json", json, options)));
                }
                long start = System.nanoTime();
                ImportReport first = services.importer().importFile("observations.json", json, options);
                double load = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                ImportReport again = services.importer().importFile("observations.json", json, options);
                double reload = (System.nanoTime() - start) / 1e9;

                double floor = seconds(() -> storageFloor(services.database(), first.importId()));

                System.out.printf(Locale.ROOT, "baseline Jackson token loop:       %7.3f s%n", loop);
                System.out.printf(Locale.ROOT, "parse+validate:                    %7.3f s  ratio %.2f%n", check, check / loop);
                System.out.printf(Locale.ROOT, "parse+validate+load (%d added):  %7.3f s  ratio %.2f (goal <= 3.00), goal <= 10 s%n",
                        first.added(), load, load / loop);
                System.out.printf(Locale.ROOT, "re-import, nothing changed (%d unchanged): %.3f s  ratio %.2f%n",
                        again.unchanged(), reload, reload / loop);
                System.out.printf(Locale.ROOT, "storage floor: the same number of rows, same columns and primary key, plain JDBC"
                        + " batch insert in one transaction: %.3f s (%.2f x the token loop); the import takes %.2f x the floor%n",
                        floor, floor / loop, load / floor);
                if (dbUrl != null) {
                    copyRounds(services, json, options, first);
                }
                System.out.printf(Locale.ROOT, "max heap %d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /**
     * The least the database itself takes to store this many figures: a scratch table shaped like {@code observation}
     * (same columns and primary key, nothing else), one prepared batch insert in one transaction, no reading, no
     * checking. Rows use the imported indicators and regions so keys compare as in the real table.
     */
    private static Integer storageFloor(Database database, long importId) {
        return database.inTransaction(c -> {
            List<String> indicators = texts(c, "select distinct indicator_id from observation where import_id = " + importId
                    + " order by indicator_id");
            List<String> regions = texts(c, "select distinct region_code from observation where import_id = " + importId
                    + " order by region_code");
            createScratchTable(c, "bench_floor");
            int rows = 0;
            try (PreparedStatement insert = c.prepareStatement("insert into bench_floor values (?, ?, ?, 1, ?, ?, null, 'final',"
                    + " 'observations.json', null, 1)")) {
                for (String indicator : indicators) {
                    for (String region : regions) {
                        for (int year = 2015; year <= 2024; year++) {
                            insert.setString(1, indicator);
                            insert.setString(2, region);
                            insert.setInt(3, year);
                            insert.setString(4, region);
                            insert.setBigDecimal(5, BigDecimal.valueOf(rows * 1.5).setScale(10));
                            insert.addBatch();
                            if (++rows % 5_000 == 0) {
                                insert.executeBatch();
                            }
                        }
                    }
                }
                insert.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("drop table bench_floor");
            }
            return rows;
        });
    }

    /**
     * PostgreSQL's own floor for what the import writes: the rows the import stored, copied out to memory first (not
     * timed, {@link #copiedOut}), then one {@code COPY FROM STDIN} of them into a scratch table of the observation
     * table's shape, timed on its own transaction.
     */
    private static byte[] copiedOut(Database database, long importId) {
        return database.read(c -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try {
                c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyOut("copy (select indicator_id, region_code, ref_year,"
                        + " revision, reported_code, num_value, status, vintage, source, note, import_id from observation"
                        + " where import_id = " + importId + ") to stdout", out);
            } catch (IOException e) {
                throw new SQLException(e);
            }
            return out.toByteArray();
        });
    }

    private static double bareCopy(Database database, byte[] rows) throws Exception {
        return seconds(() -> database.inTransaction(c -> {
            createScratchTable(c, "bench_copy");
            long copied;
            try {
                copied = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                        .copyIn("copy bench_copy from stdin", new java.io.ByteArrayInputStream(rows));
            } catch (IOException e) {
                throw new SQLException(e);
            }
            try (Statement s = c.createStatement()) {
                s.execute("drop table bench_copy");
            }
            return copied;
        }));
    }

    /**
     * On PostgreSQL, paired rounds: the observation table emptied, the file imported into it (timed), then the same rows
     * copied bare into a fresh scratch table (timed). One round is at the mercy of the machine's other work; the median
     * of the rounds' ratios is the figure.
     */
    private void copyRounds(Services services, byte[] json, ImportOptions options, ImportReport first) throws Exception {
        byte[] rows = copiedOut(services.database(), first.importId());
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= Math.max(rounds, 3); round++) {
            services.database().inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("truncate observation");
                }
                return 0;
            });
            long start = System.nanoTime();
            ImportReport report = services.importer().importFile("observations.json", json, options);
            double load = (System.nanoTime() - start) / 1e9;
            if (report.added() != first.added()) {
                throw new IllegalStateException("round " + round + " added " + report.added() + ", not " + first.added());
            }
            double copy = bareCopy(services.database(), rows);
            ratios.add(load / copy);
            System.out.printf(Locale.ROOT, "round %d: import into an empty observation table %.3f s, bare COPY %.3f s, ratio %.2f%n",
                    round, load, copy, load / copy);
        }
        Collections.sort(ratios);
        System.out.printf(Locale.ROOT, "import / bare COPY of the same %d rows (text format, from memory) into a table of the same"
                + " shape: median %.2f (%.2f-%.2f) over %d rounds (goal <= 1.30)%n", first.added(), ratios.get(ratios.size() / 2),
                ratios.get(0), ratios.get(ratios.size() - 1), ratios.size());
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

    private static List<String> texts(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
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
