package no.kostra.ingest.ssb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kostra.ingest.ImportMapping;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.ImportReport;
import no.kostra.ingest.Importer;
import no.kostra.ingest.SeedFiles;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import no.kostra.store.RevisionRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SsbClientTest {
    private final StatBankStub stub = new StatBankStub();
    private final List<Duration> slept = new ArrayList<>();
    private final MutableClock clock = new MutableClock();
    private final RateLimiter limiter = new RateLimiter(30, Duration.ofSeconds(60), clock, d -> {
        slept.add(d);
        clock.now = clock.now.plus(d);
    });

    SsbClientTest() throws Exception {
    }

    @AfterEach
    void close() {
        stub.close();
    }

    private final MetadataMemory memory = MetadataMemory.inProcess();

    private SsbClient client(int cellLimit, Path cache) {
        return new SsbClient(stub.v2(), stub.v1(), HttpClient.newHttpClient(), limiter, cellLimit, cache, memory);
    }

    private static SsbRequest request() {
        return SsbRequest.parseSpec("12603:KOSLegeaarsverk0000,KOSFysioaarsverk0000:2021-2024", Map.of("KOKfunksjon0000", "FGK241")).get(0);
    }

    @Test
    void aQueryAboveTheCellLimitIsSplitAlongRegionsAndImportedAsOneImport() throws Exception {
        SsbClient client = client(8, null);

        List<SsbClient.Fetched> parts = client.fetch(request());

        assertThat(parts).hasSize(4);
        assertThat(client.calls()).isEqualTo(5);
        assertThat(stub.requests.get(1)).isEqualTo("GET /api/pxwebapi/v2/tables/12603/data?lang=no&outputFormat=json-stat2"
                + "&valueCodes[KOKkommuneregion0000]=3024&valueCodes[KOKfunksjon0000]=FGK241"
                + "&valueCodes[ContentsCode]=KOSLegeaarsverk0000,KOSFysioaarsverk0000&valueCodes[Tid]=2021,2022,2023,2024");
        try (Services services = Services.open(DatabaseSettings.inMemory("ssb-" + System.nanoTime()),
                Clock.fixed(Instant.parse("2025-06-20T00:00:00Z"), ZoneOffset.UTC))) {
            services.loadSeeds(SeedFiles.fromClasspath());
            ImportMapping mapping = ImportMapping.parse("mapping.properties", new String(
                    SsbClientTest.class.getResourceAsStream("/ingest/ssb/mapping.properties").readAllBytes(), StandardCharsets.UTF_8));

            ImportReport report = services.importer().importJsonStatParts("ssb-12603", parts.stream()
                    .map(p -> new Importer.NamedBytes(p.name(), p.jsonStat())).toList(), new ImportOptions(null, null, Vintage.FINAL, mapping));

            assertThat(report.read()).isEqualTo(32);
            assertThat(report.rejected()).isEqualTo(8 + 8);
            assertThat(new RevisionRepository(services.database()).history("KHT.serie_fysioterapeut_arsverk", "3201"))
                    .filteredOn(r -> r.revision() > 1)
                    .extracting(RevisionRepository.StoredRevision::year, r -> r.figure().value(), RevisionRepository.StoredRevision::reportedCode)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(2021, 8.1, "3024"),
                            org.assertj.core.groups.Tuple.tuple(2022, 8.3, "3024"),
                            org.assertj.core.groups.Tuple.tuple(2023, 8.2, "3024"),
                            org.assertj.core.groups.Tuple.tuple(2024, 8.6, "3201"));
        }
    }

    @Test
    void aCachedAnswerIsReusedUntilTheTableIsUpdated(@TempDir Path cache) throws Exception {
        client(SsbClient.SSB_CELL_LIMIT, cache).fetch(request());

        SsbClient again = client(SsbClient.SSB_CELL_LIMIT, cache);
        assertThat(again.fetch(request())).allMatch(SsbClient.Fetched::fromCache);
        assertThat(again.calls()).isEqualTo(1);

        stub.updated = "2025-06-15T07:00:00Z";
        SsbClient afterUpdate = client(SsbClient.SSB_CELL_LIMIT, cache);
        assertThat(afterUpdate.fetch(request())).noneMatch(SsbClient.Fetched::fromCache);
        assertThat(afterUpdate.calls()).isEqualTo(2);
    }

    @Test
    void a429IsAnsweredByWaitingAsToldAndTryingAgain() throws Exception {
        stub.tooManyRequests = 1;

        List<SsbClient.Fetched> parts = client(SsbClient.SSB_CELL_LIMIT, null).fetch(request());

        assertThat(parts).hasSize(1);
        assertThat(slept).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void theThirtyFirstCallInAMinuteWaitsForTheWindowAndItsMargin() throws Exception {
        // given 30 calls sent a second apart
        for (int i = 0; i < 30; i++) {
            limiter.acquire();
            clock.now = clock.now.plusSeconds(1);
        }

        // when the 31st is due, 30 s after the first was sent
        limiter.acquire();

        // then it waits until the first has left the window, and a 50th of the window more
        assertThat(slept).containsExactly(Duration.ofSeconds(30).plus(Duration.ofMillis(1_200)));
    }

    @Test
    void aCallIsCountedFromWhenItWasSentNotFromItsAnswer() throws Exception {
        // given a first call that took 3 s to answer, and 29 more sent straight after its answer
        RateLimiter noMargin = new RateLimiter(30, Duration.ofSeconds(60), Duration.ZERO, clock, d -> {
            slept.add(d);
            clock.now = clock.now.plus(d);
        });
        java.time.Instant first = clock.now;
        noMargin.acquire();
        clock.now = clock.now.plusSeconds(3);
        for (int i = 1; i < 30; i++) {
            noMargin.acquire();
        }

        // when the 31st call is due
        noMargin.acquire();

        // then it goes a window after the first was sent (StatBank counts requests), not a window after its answer
        assertThat(slept).containsExactly(Duration.ofSeconds(57));
        assertThat(clock.now).isEqualTo(first.plusSeconds(60));
    }

    @Test
    void theMarginKeepsACallThatWasSlowToArriveInTheWindowSoTheThirtyFirstIsNotRefused() throws Exception {
        // given 30 calls sent at once (the first of which may reach StatBank up to the margin later than the others)
        java.time.Instant first = clock.now;
        for (int i = 0; i < 30; i++) {
            limiter.acquire();
        }

        // when the 31st call is due
        limiter.acquire();

        // then it leaves a window and the margin, 1.2 s, after the first was sent
        assertThat(clock.now).isEqualTo(first.plusSeconds(60).plusMillis(1_200));
    }

    @Test
    void aTablesMetadataIsRememberedSoTheNextUpdateAsksOnlyForTheData() throws Exception {
        client(SsbClient.SSB_CELL_LIMIT, null).fetch(request());

        SsbClient next = client(SsbClient.SSB_CELL_LIMIT, null);
        List<SsbClient.Fetched> parts = next.fetch(request());

        assertThat(next.calls()).isEqualTo(1);
        assertThat(parts).singleElement().extracting(SsbClient.Fetched::cells).isEqualTo(4L * 2 * 4);
        assertThat(stub.requests).filteredOn(r -> r.contains("/metadata")).hasSize(1);
    }

    @Test
    void aTableUpdatedSinceItsMetadataWasRememberedHasItsMetadataAskedAgainAndKeepsTheAnswerWhenItsCodesAreTheSame() throws Exception {
        client(SsbClient.SSB_CELL_LIMIT, null).fetch(request());
        stub.updated = "2025-06-15T07:00:00Z";

        SsbClient next = client(SsbClient.SSB_CELL_LIMIT, null);
        List<SsbClient.Fetched> parts = next.fetch(request());

        // the data answer says the table was updated: its metadata is asked again, and plans the same call
        assertThat(next.calls()).isEqualTo(2);
        assertThat(new String(parts.get(0).jsonStat(), StandardCharsets.UTF_8)).contains("2025-06-15T07:00:00Z");
        assertThat(memory.recall("12603")).get().asString().contains("2025-06-15T07:00:00Z");
    }

    @Test
    void aYearTheRememberedMetadataLacksHasTheMetadataAskedAgainBeforeTheData() throws Exception {
        // given metadata remembered before 2024 was published
        client(SsbClient.SSB_CELL_LIMIT, null).fetch(request());
        memory.remember("12603", memory.recall("12603").orElseThrow().replace(",\"2024\":3", ""));

        SsbClient next = client(SsbClient.SSB_CELL_LIMIT, null);
        next.fetch(request());

        assertThat(next.calls()).isEqualTo(2);
        assertThat(stub.requests.subList(stub.requests.size() - 2, stub.requests.size()))
                .extracting(r -> r.contains("/metadata")).containsExactly(true, false);
    }

    @Test
    void aTableUnknownToV2IsFetchedWithTheV1Form() throws Exception {
        SsbClient client = client(SsbClient.SSB_CELL_LIMIT, null);

        List<SsbClient.Fetched> parts = client.fetch(SsbRequest.parseSpec("99999:KOSLegeaarsverk0000:2024", Map.of()).get(0));

        assertThat(parts).hasSize(1);
        assertThat(stub.postedBodies.get(0)).contains("\"response\":{\"format\":\"json-stat2\"}")
                .contains("{\"code\":\"ContentsCode\",\"selection\":{\"filter\":\"item\",\"values\":[\"KOSLegeaarsverk0000\"]}}");
        assertThat(new String(parts.get(0).jsonStat(), StandardCharsets.UTF_8)).contains("[10.2,11.7]");
    }

    /** 12603 as the fixture has it: Bærum's two numbers, Oslo and the country; one function; two contents codes; four years. */
    private static SsbRequest everyRegionOf12603() {
        return new SsbRequest("12603", List.of("KOSLegeaarsverk0000", "KOSFysioaarsverk0000"), List.of("2021", "2022", "2023", "2024"),
                Map.of("KOKkommuneregion0000", List.of("3024", "3201", "0301", "EAK"), "KOKfunksjon0000", List.of("FGK241")));
    }

    private static TableShape shape(String table, boolean comparisonGroups, String... variables) {
        return new TableShape(table, java.util.Arrays.stream(variables).map(v -> new TableShape.Variable(v, false, List.of())).toList(),
                comparisonGroups);
    }

    /** The client's memory, which also knows the catalogue's shape of one table. */
    private MetadataMemory knowing(TableShape known) {
        return new MetadataMemory() {
            @Override
            public java.util.Optional<String> recall(String table) {
                return memory.recall(table);
            }

            @Override
            public void remember(String table, String metadata) {
                memory.remember(table, metadata);
            }

            @Override
            public java.util.Optional<TableShape> shape(String table) {
                return java.util.Optional.of(known).filter(s -> s.table().equals(table));
            }
        };
    }

    @Test
    void aTableTheCatalogueKnowsTheShapeOfIsAskedOnlyForItsDataOnTheFirstFetch() throws Exception {
        // given the catalogue's shape of 12603
        SsbClient client = new SsbClient(stub.v2(), stub.v1(), HttpClient.newHttpClient(), limiter, SsbClient.SSB_CELL_LIMIT, null,
                knowing(shape("12603", true, "KOKkommuneregion0000", "KOKfunksjon0000", "ContentsCode", "Tid")));

        // when its data is fetched for the first time
        List<SsbClient.Fetched> parts = client.fetch(everyRegionOf12603());

        // then one call, for the data, planned from the codes asked
        assertThat(client.calls()).isEqualTo(1);
        assertThat(stub.requests).singleElement().asString().contains("/tables/12603/data?")
                .contains("valueCodes[KOKkommuneregion0000]=3024,3201,0301,EAK&");
        assertThat(parts).singleElement().extracting(SsbClient.Fetched::cells).isEqualTo(4L * 2 * 4);
        assertThat(memory.recall("12603")).isEmpty();
    }

    @Test
    void aTableWithoutTheComparisonGroupsIsNotAskedForThem() throws Exception {
        SsbClient client = new SsbClient(stub.v2(), stub.v1(), HttpClient.newHttpClient(), limiter, SsbClient.SSB_CELL_LIMIT, null,
                knowing(shape("12603", false, "KOKkommuneregion0000", "KOKfunksjon0000", "ContentsCode", "Tid")));

        client.fetch(everyRegionOf12603());

        assertThat(stub.requests).singleElement().asString().contains("valueCodes[KOKkommuneregion0000]=3024,3201,0301&");
    }

    @Test
    void aQueryStatBankRefusesForAVariableTheShapeLacksHasTheMetadataAskedAndTheCallPlannedFromIt() throws Exception {
        // given a StatBank that refuses as SSB does, and a shape of 12603 that lacks its function variable
        try (no.kostra.bench.LocalStatBank bank = new no.kostra.bench.LocalStatBank(table -> table.equals("12603")
                ? java.util.Optional.of(fixture("/ingest/ssb/12603-data.json")) : java.util.Optional.empty())) {
            SsbClient client = new SsbClient(bank.v2(), null, HttpClient.newHttpClient(), limiter, SsbClient.SSB_CELL_LIMIT, null,
                    knowing(shape("12603", true, "KOKkommuneregion0000", "ContentsCode", "Tid")));

            // when the data is fetched
            List<SsbClient.Fetched> parts = client.fetch(everyRegionOf12603());

            // then the refused call, the metadata, and the call planned from it, which answers every cell
            assertThat(bank.requests()).extracting(r -> r.replaceAll(".*/12603/(\\w+).*", "$1")).containsExactly("data", "metadata", "data");
            assertThat(bank.requests().get(2)).contains("valueCodes[KOKfunksjon0000]=FGK241");
            assertThat(parts).singleElement().extracting(SsbClient.Fetched::cells).isEqualTo(4L * 2 * 4);
            assertThat(memory.recall("12603")).isPresent();
        }
    }

    @Test
    void aTableOnlyV1KnowsIsFetchedWithTheV1FormWhenItsShapeWasTriedFirst() throws Exception {
        SsbClient client = new SsbClient(stub.v2(), stub.v1(), HttpClient.newHttpClient(), limiter, SsbClient.SSB_CELL_LIMIT, null,
                knowing(shape("99999", true, "KOKkommuneregion0000", "ContentsCode", "Tid")));

        List<SsbClient.Fetched> parts = client.fetch(new SsbRequest("99999", List.of("KOSLegeaarsverk0000"), List.of("2024"),
                Map.of("KOKkommuneregion0000", List.of("3201", "0301"))));

        assertThat(new String(parts.get(0).jsonStat(), StandardCharsets.UTF_8)).contains("[10.2,11.7]");
        assertThat(stub.requests).extracting(r -> r.substring(0, r.indexOf('?') < 0 ? r.length() : r.indexOf('?')))
                .containsExactly("GET /api/pxwebapi/v2/tables/99999/data", "GET /api/pxwebapi/v2/tables/99999/metadata",
                        "GET /api/v0/no/table/99999", "POST /api/v0/no/table/99999");
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode fixture(String path) {
        try (java.io.InputStream in = SsbClientTest.class.getResourceAsStream(path)) {
            return (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2025-06-20T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
