package no.kostra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The local StatBank enforces SSB's limits, so that a test or benchmark sees what SSB would answer, and counts calls. */
class LocalStatBankTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    /** The recorded 12603 (4 regions × 1 function × 2 contents codes × 4 years) and 07459 of the update tests. */
    private static Optional<ObjectNode> recorded(String table) {
        String path = table.equals("12603") ? "/ingest/ssb/12603-data.json" : "/ingest/ssb/update/" + table + "-data.json";
        try (InputStream in = LocalStatBankTest.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of((ObjectNode) JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every code of 12603's regions, function and years: with both contents codes, the whole table (32 cells). */
    private static final String EVERY_CELL_OF_12603 = "/tables/12603/data?valueCodes[KOKkommuneregion0000]=3024,3201,0301,EAK"
            + "&valueCodes[KOKfunksjon0000]=FGK241&valueCodes[Tid]=2021,2022,2023,2024";

    private HttpResponse<String> get(LocalStatBank bank, String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(bank.v2() + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDataQueryOverTheCellLimitIsRefusedWith400TooManyCellsSelected() throws Exception {
        // given a limit of 31 cells a call
        try (LocalStatBank bank = new LocalStatBank(LocalStatBankTest::recorded, 0, new LocalStatBank.Limits(30, Duration.ofSeconds(60), 31))) {
            // when the whole table is asked (32 cells), then half of it (16)
            HttpResponse<String> whole = get(bank, EVERY_CELL_OF_12603 + "&valueCodes[ContentsCode]=KOSLegeaarsverk0000,KOSFysioaarsverk0000");
            HttpResponse<String> half = get(bank, EVERY_CELL_OF_12603 + "&valueCodes[ContentsCode]=KOSLegeaarsverk0000");

            assertThat(whole.statusCode()).isEqualTo(400);
            assertThat(whole.body()).contains("Too many cells selected");
            assertThat(half.statusCode()).isEqualTo(200);
            assertThat(bank.counts()).isEqualTo(new LocalStatBank.Counts(2, 0, 1, 1, 0));
        }
    }

    @Test
    void aVariableLeftOutToBeEliminatedCountsAsOneCell() throws Exception {
        // given 07459 over 3 regions (Bærum's numbers and Asker) and 3 years: 9 cells without sex and age, 954 with every age
        try (LocalStatBank bank = new LocalStatBank(LocalStatBankTest::recorded, 0, new LocalStatBank.Limits(30, Duration.ofSeconds(60), 900))) {
            String regions = "/tables/07459/data?valueCodes[Region]=3024,3201,3203&valueCodes[Tid]=2023,2024,2025"
                    + "&valueCodes[ContentsCode]=Personer1";

            assertThat(get(bank, regions).statusCode()).isEqualTo(200);
            assertThat(get(bank, regions + "&valueCodes[Alder]=*".replace("*", String.join(",", ages()))).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aQueryLeavingOutAVariableTheTableCannotEliminateOrNamingACodeItLacksIsRefusedAsStatBankDoes() throws Exception {
        try (LocalStatBank bank = new LocalStatBank(LocalStatBankTest::recorded)) {
            HttpResponse<String> noYears = get(bank, "/tables/07459/data?valueCodes[Region]=3201&valueCodes[ContentsCode]=Personer1");
            HttpResponse<String> noSuchRegion = get(bank, "/tables/07459/data?valueCodes[Region]=EKG12&valueCodes[Tid]=2024"
                    + "&valueCodes[ContentsCode]=Personer1");
            HttpResponse<String> noSuchVariable = get(bank, "/tables/07459/data?valueCodes[Region]=3201&valueCodes[Tid]=2024"
                    + "&valueCodes[ContentsCode]=Personer1&valueCodes[KOKart0000]=AGD2");

            assertThat(noYears.statusCode()).isEqualTo(400);
            assertThat(noYears.body()).contains("Missing selection for mandantory variable");
            assertThat(noSuchRegion.statusCode()).isEqualTo(400);
            assertThat(noSuchRegion.body()).contains("Non-existent value");
            assertThat(noSuchVariable.statusCode()).isEqualTo(400);
            assertThat(noSuchVariable.body()).contains("Non-existent variable");
            assertThat(bank.counts().data()).isZero();
        }
    }

    private static java.util.List<String> ages() {
        return java.util.stream.IntStream.rangeClosed(0, 105).mapToObj(a -> a == 105 ? "105%2B" : String.format("%03d", a)).toList();
    }

    @Test
    void theThirtyFirstCallInsideTheWindowIsRefusedWith429AndToldWhenToComeBack() throws Exception {
        // given SSB's 30 calls in any 60 s
        try (LocalStatBank bank = new LocalStatBank(LocalStatBankTest::recorded, 0, LocalStatBank.Limits.ssb(Duration.ofSeconds(60)))) {
            for (int i = 0; i < 30; i++) {
                assertThat(get(bank, "/tables/12603/metadata").statusCode()).isEqualTo(200);
            }

            HttpResponse<String> thirtyFirst = get(bank, "/tables/12603/metadata");

            assertThat(thirtyFirst.statusCode()).isEqualTo(429);
            assertThat(thirtyFirst.headers().firstValue("Retry-After")).get().satisfies(s -> assertThat(Long.parseLong(s)).isBetween(1L, 60L));
            assertThat(bank.counts()).isEqualTo(new LocalStatBank.Counts(31, 30, 0, 0, 1));
        }
    }

    @Test
    void aCallAfterTheRetryAfterIsAnsweredAgain() throws Exception {
        // given a window scaled to 3 calls a second
        try (LocalStatBank bank = new LocalStatBank(LocalStatBankTest::recorded, 0, new LocalStatBank.Limits(3, Duration.ofSeconds(1), 800_000))) {
            for (int i = 0; i < 3; i++) {
                get(bank, "/tables/12603/metadata");
            }
            HttpResponse<String> fourth = get(bank, "/tables/12603/metadata");
            assertThat(fourth.statusCode()).isEqualTo(429);

            Thread.sleep(Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow()) * 1000);

            assertThat(get(bank, "/tables/12603/metadata").statusCode()).isEqualTo(200);
            assertThat(bank.counts().tooManyRequests()).isEqualTo(1);
        }
    }
}
