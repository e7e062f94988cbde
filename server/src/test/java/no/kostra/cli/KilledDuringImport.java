package no.kostra.cli;

import static no.kostra.cli.ServedDatabase.number;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} killed with SIGKILL while it writes a large import (issue 14, item 7): when the database is opened
 * again, the import is there whole or not at all, the data revision is the one the last committed import stamped, and
 * a new service on the same database takes the same file. Run on H2 ({@link KilledDuringImportIT}) and PostgreSQL
 * ({@link KilledDuringImportPostgresIT}).
 */
abstract class KilledDuringImport {
    /** The years the importer takes, up to the year before the seeds begin. */
    private static final int FIRST_YEAR = 1990;
    private static final int LAST_YEAR = 2021;
    static final String NAME = "stor.csv";

    @TempDir
    Path dir;

    /** The database the service runs on, new and empty. */
    abstract ServedDatabase database(Path dir);

    @Test
    void aServiceKilledInTheMiddleOfALargeImportLeavesAllOrNoneOfItsFiguresAndANewServiceTakesTheFileAgain() throws Exception {
        // given a service started as a process of its own, and a large file for it
        ServedDatabase database = database(dir);
        String csv;
        int rows;
        try (ServeProcess serve = ServeProcess.start(database, dir.resolve("serve.log"))) {
            csv = largeCsv(database);
            rows = (int) csv.lines().count() - 1;

            // when it is killed while the import is being written
            CompletableFuture<HttpResponse<String>> answer = serve.postAsync("/api/imports?format=csv&acceptOutliers=true&name=" + NAME, csv.getBytes(StandardCharsets.UTF_8));
            serve.killWhileWriting(database, "observation", () -> stillRunning(answer));
        }

        // then, opened again, the import is whole or absent, and the revision matches what is stored
        long stored = assertWholeOrAbsent(database, rows);
        System.out.printf("killed import (%s): %d of %d rows stored%n", getClass().getSimpleName(), stored, rows);

        // and a new service on the same database takes the file again at once: nothing the killed one held is in the way
        try (ServeProcess again = ServeProcess.start(database, dir.resolve("serve-again.log"))) {
            HttpResponse<String> redone = again.post("/api/imports?format=csv&acceptOutliers=true&name=" + NAME, csv.getBytes(StandardCharsets.UTF_8),
                    Duration.ofMinutes(2));
            assertThat(redone.statusCode()).as(redone.body()).isEqualTo(stored == 0 ? 201 : 200);
        }
        assertThat(assertWholeOrAbsent(database, rows)).isEqualTo(rows);
    }

    /** True while no answer came; an answer before the kill fails the test, since the import was then not interrupted. */
    private static boolean stillRunning(CompletableFuture<HttpResponse<String>> answer) {
        if (answer.isDone()) {
            throw new AssertionError("The import was answered before the service could be killed: "
                    + (answer.isCompletedExceptionally() ? "no answer" : answer.join().statusCode() + " " + answer.join().body()));
        }
        return true;
    }

    /** Answers how many figures of the import are stored: all of them or none, as the import log says, and no stray rows. */
    static long assertWholeOrAbsent(ServedDatabase database, int rows) throws SQLException {
        try (Connection c = database.connect()) {
            long stored = number(c, "select count(*) from observation o join import_log l on l.id = o.import_id where l.source_name = '"
                    + NAME + "'");
            long logged = number(c, "select coalesce(sum(rows_added + rows_changed), 0) from import_log where source_name = '" + NAME + "'");
            assertThat(stored).as("rows of the killed import").isEqualTo(logged).isIn(0L, (long) rows);
            assertConsistent(c);
            return stored;
        }
    }

    /** The data revision is the newest one stamped on a committed change, every change is stamped, no row lost its log entry. */
    static void assertConsistent(Connection c) throws SQLException {
        assertThat(number(c, "select revision from data_revision"))
                .isEqualTo(number(c, "select max(data_revision) from import_log"));
        assertThat(number(c, "select count(*) from import_log where data_revision is null and rows_added + rows_changed > 0"))
                .as("committed changes without a data revision").isZero();
        assertThat(number(c, "select count(*) from observation where import_id not in (select id from import_log)"))
                .as("figures without an import").isZero();
    }

    /**
     * Figures for every stored indicator and municipality over years before the seeds begin: all new, none refused. Many
     * are implausible (1 000,5 as a percentage), so the test posts them with acceptOutliers=true.
     */
    private static final int MUNICIPALITIES = 40;

    static String largeCsv(ServedDatabase database) throws SQLException {
        List<String> indicators = database.strings("select id from indicator order by id");
        // enough figures to be caught writing, under the 20 MB an upload may be: 40 of the country's municipalities
        List<String> all = database.strings("select code from region where kind = 'municipality' order by code");
        List<String> municipalities = all.subList(0, Math.min(MUNICIPALITIES, all.size()));
        StringBuilder csv = new StringBuilder("region;indicator;year;value\n");
        int n = 0;
        for (String indicator : indicators) {
            for (String region : municipalities) {
                for (int year = LAST_YEAR; year >= FIRST_YEAR; year--) {
                    csv.append(region).append(';').append(indicator).append(';').append(year).append(';').append(1000 + n++ % 997).append(",5\n");
                }
            }
        }
        return csv.toString();
    }
}
