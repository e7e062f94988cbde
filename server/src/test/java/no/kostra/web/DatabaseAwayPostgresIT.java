package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import no.kostra.service.Services;
import no.kostra.support.EmbeddedPostgres;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under a running service, then started again (issue 20, item 15), on a server of the test's own:
 * while it is away, health and readiness say so within a couple of seconds (503 with Retry-After, for a load balancer),
 * and so does every other route, never a 500; a read whose connection is cut while it runs is tried once more.
 */
class DatabaseAwayPostgresIT {
    private EmbeddedPostgres postgres;
    private Services services;
    private Javalin app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void serveOnAPostgresOfItsOwn() throws Exception {
        postgres = EmbeddedPostgres.startOwn();
        services = Services.openSeeded(postgres.freshDatabase(), SeededServices.CLOCK);
        app = App.create(services).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
        services.close();
        postgres.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whileTheDatabaseIsAwayEveryRouteIs503WithRetryAfterAndHealthSaysSoWithinTwoSeconds() throws Exception {
        assertThat(get("/api/health").statusCode()).isEqualTo(200);

        postgres.stop();
        for (String path : new String[] {"/api/health", "/api/ready", "/api/profile?region=3201&area=KHT&year=2024"}) {
            long start = System.nanoTime();
            HttpResponse<String> away = get(path);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(away.statusCode()).as(path + ": " + away.body()).isEqualTo(503);
            assertThat(away.headers().firstValue("Retry-After")).as(path).contains("5");
            assertThat(Json.MAPPER.readTree(away.body()).path("error").asText())
                    .isEqualTo("Databasen svarer ikke akkurat nå; prøv igjen om litt");
            assertThat(millis).as(path + " answered after ms").isLessThan(path.startsWith("/api/profile") ? 8_000 : 3_000);
        }

        postgres.startAgain();
        assertThat(get("/api/health").statusCode()).isEqualTo(200);
        assertThat(get("/api/profile?region=3201&area=KHT&year=2024").statusCode()).isEqualTo(200);
    }

    @Test
    void aReadWhoseConnectionIsCutByARestartIsTriedOnceMore() throws Exception {
        // given a read that takes two seconds is running
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> services.database().read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("select 4713 from pg_sleep(2)")) {
                r.next();
                return r.getInt(1);
            }
        }));
        Thread.sleep(700);

        // when PostgreSQL restarts under it
        postgres.stop();
        postgres.startAgain();

        // then the read is answered from its second try
        assertThat(read.get(60, TimeUnit.SECONDS)).isEqualTo(4713);
    }
}
