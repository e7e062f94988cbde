package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import no.kostra.web.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} stopped with SIGTERM (a service manager stopping it, a deploy) while it writes a large import (issue 14,
 * item 5): the import it is writing finishes and is answered, a request that arrives meanwhile is turned away, and the
 * process exits with 0. Run on H2 ({@link StoppedDuringImportIT}), where H2's own shutdown hook would otherwise close the
 * database under the import, and PostgreSQL ({@link StoppedDuringImportPostgresIT}).
 */
abstract class StoppedDuringImport {
    @TempDir
    Path dir;

    /** The database the service runs on, new and empty. */
    abstract ServedDatabase database(Path dir);

    /** Once the service says it is stopping, whether a new request is refused (503, no connection, or the process gone). */
    private static boolean turnedAway(ServeProcess serve, CompletableFuture<Integer> exit) throws InterruptedException {
        long deadline = System.nanoTime() + App.SHUTDOWN_GRACE.toNanos();
        while (!serve.log().contains("Stopper:") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        while (!exit.isDone() && System.nanoTime() < deadline) {
            try {
                if (serve.get("/api/version").statusCode() == 503) {
                    return true;
                }
            } catch (java.io.IOException refused) {
                return true;
            }
            Thread.sleep(20);
        }
        return exit.isDone();
    }

    @Test
    void aStoppedServiceFinishesTheImportItIsWritingAndExitsCleanly() throws Exception {
        // given a service writing a large import
        ServedDatabase database = database(dir);
        try (ServeProcess serve = ServeProcess.start(database, dir.resolve("serve.log"))) {
            String csv = KilledDuringImport.largeCsv(database);
            int rows = (int) csv.lines().count() - 1;
            CompletableFuture<HttpResponse<String>> answer = serve.postAsync("/api/imports?format=csv&acceptOutliers=true&name=" + KilledDuringImport.NAME,
                    csv.getBytes(StandardCharsets.UTF_8));
            serve.awaitWrite(database, "observation", () -> !answer.isDone());

            // when it is told to stop
            long stopping = System.nanoTime();
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return serve.terminate(App.SHUTDOWN_GRACE.plusSeconds(30));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            boolean laterTurnedAway = turnedAway(serve, exit);

            // then the import is answered and whole, and the process ends by itself with 0
            HttpResponse<String> imported = answer.get(2, TimeUnit.MINUTES);
            int code = exit.get(2, TimeUnit.MINUTES);
            System.out.printf("stopped during import (%s): answered %d, exit %d after %.1f s%n", getClass().getSimpleName(),
                    imported.statusCode(), code, (System.nanoTime() - stopping) / 1e9);
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            assertThat(code).as(serve.log()).isZero();
            assertThat(laterTurnedAway).as("a request arriving while the service stops is turned away").isTrue();
            assertThat(serve.log()).contains("Stopper: tar ikke imot nye forespørsler").contains("Stoppet");
            assertThat(KilledDuringImport.assertWholeOrAbsent(database, rows)).isEqualTo(rows);
        }
    }
}
