package no.kostra.ingest.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import no.kostra.bench.LocalStatBank;
import no.kostra.ingest.ssb.MetadataMemory;
import no.kostra.ingest.ssb.RateLimiter;
import no.kostra.ingest.ssb.SsbClient;
import no.kostra.observation.Vintage;
import no.kostra.store.FigureChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The spring update tells the truth about vintages (issue 20, items 9 and 10): in March only the report year is
 * preliminary, the two years before keep the final figures SSB published the June before; in June the figures that
 * did not move are counted as made final, apart from the values that did move.
 */
class UpdateVintageTest {
    private static final String SHARE_80 = "PLO.andel_80_hjemmetjeneste";
    private final StatBankFixture fixture;

    UpdateVintageTest() throws Exception {
        fixture = new StatBankFixture();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** The vintage of the current figure, as stored. */
    private String vintage(String indicator, String region, int year) {
        return fixture.current("vintage", indicator, region, year);
    }

    private long preliminaryFiguresNow() {
        return fixture.services.database().read(c -> {
            long n = 0;
            for (String sql : List.of("select count(*) from observation o where o.vintage = 'preliminary' and not exists"
                    + " (select 1 from observation n where n.indicator_id = o.indicator_id and n.region_code = o.region_code"
                    + " and n.ref_year = o.ref_year and n.revision > o.revision)", "select count(*) from group_statistic g"
                    + " where g.vintage = 'preliminary' and not exists (select 1 from group_statistic n where n.indicator_id ="
                    + " g.indicator_id and n.group_code = g.group_code and n.ref_year = g.ref_year and n.statistic = g.statistic"
                    + " and n.revision > g.revision)")) {
                try (var s = c.createStatement(); var r = s.executeQuery(sql)) {
                    r.next();
                    n += r.getLong(1);
                }
            }
            return n;
        });
    }

    @Test
    void aMarchUpdateLeavesTheTwoEarlierYearsFinalFiguresFinalAndMarksOnlyTheReportYearPreliminary() throws Exception {
        // given last June's final update of 2024, which stored 2023 and 2024 as final
        fixture.updater().run(new UpdateRequest(2024, Vintage.FINAL, List.of(2023, 2024), false), fixture.client(),
                UpdateProgress.none());
        assertThat(vintage(SHARE_80, "3201", 2024)).isEqualTo("final");

        // when March's preliminary update of 2025 fetches 2023–2025 with the same figures for the earlier years
        UpdateSummary march = fixture.updater().run(UpdateRequest.forReportYear(2025, Vintage.PRELIMINARY), fixture.client(),
                UpdateProgress.none());

        // then the earlier years are unchanged and still final; only 2025 is new, and preliminary
        assertThat(march.report().vintageChanged()).isZero();
        assertThat(march.report().changed()).isZero();
        assertThat(vintage(SHARE_80, "3201", 2024)).isEqualTo("final");
        assertThat(vintage(SHARE_80, "3201", 2023)).isEqualTo("final");
        assertThat(vintage(SHARE_80, "3201", 2025)).isEqualTo("preliminary");
        assertThat(march.report().summary()).startsWith("0 tall endret, 0 gjort endelige, ");
    }

    @Test
    void aJuneUpdateCountsTheValuesThatMovedApartFromTheFiguresItOnlyMadeFinal() throws Exception {
        // given March's preliminary update of 2025
        fixture.updater().run(UpdateRequest.forReportYear(2025, Vintage.PRELIMINARY), fixture.client(), UpdateProgress.none());
        long preliminary = preliminaryFiguresNow();
        assertThat(preliminary).isPositive();

        // when June's final update finds four counts of home-care users 80+ revised (three in 2025, Bærum's 2024 too)
        UpdateSummary june;
        try (LocalStatBank revised = new LocalStatBank(table -> StatBankFixture.recorded(table)
                .map(data -> table.equals("12292") ? revise12292(data) : data))) {
            june = fixture.updater().run(UpdateRequest.forReportYear(2025, Vintage.FINAL), client(revised), UpdateProgress.none());
        }

        // then four values changed, every other preliminary figure was made final, and the summary line says so
        assertThat(june.report().changed()).isEqualTo(4);
        assertThat(june.report().changes()).extracting(FigureChange::region, FigureChange::year)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("3201", 2024),
                        org.assertj.core.groups.Tuple.tuple("3201", 2025), org.assertj.core.groups.Tuple.tuple("0301", 2025),
                        org.assertj.core.groups.Tuple.tuple("3203", 2025));
        assertThat(june.report().vintageChanged()).isEqualTo((int) preliminary - 3);
        assertThat(june.report().vintageChanges()).allSatisfy(c -> {
            assertThat(c.before()).isEqualTo(c.after());
            assertThat(List.of(c.beforeVintage(), c.afterVintage())).containsExactly("preliminary", "final");
        });
        assertThat(june.report().summary()).startsWith("4 tall endret, " + (preliminary - 3) + " gjort endelige, 0 nye tall, ");
        assertThat(preliminaryFiguresNow()).isZero();
    }

    /** 12292 with KOSkjerne80aarov0000 (contents 4 of 7) one higher for Bærum 2024 and 2025, Oslo and Asker 2025. */
    private static ObjectNode revise12292(ObjectNode data) {
        ObjectNode copy = data.deepCopy();
        ArrayNode values = (ArrayNode) copy.get("value");
        int[][] cells = {{1, 1}, {1, 2}, {2, 2}, {3, 2}}; // {region index (3024, 3201, 0301, 3203), year index (2023–2025)}
        for (int[] cell : cells) {
            int at = (cell[0] * 7 + 4) * 3 + cell[1];
            values.set(at, values.get(at).asDouble() + 1);
        }
        return copy;
    }

    private static SsbClient client(LocalStatBank bank) {
        return new SsbClient(bank.v2(), null, HttpClient.newHttpClient(),
                new RateLimiter(1_000, Duration.ofSeconds(60), Clock.systemUTC(), d -> { }), SsbClient.SSB_CELL_LIMIT, null,
                MetadataMemory.inProcess());
    }
}
