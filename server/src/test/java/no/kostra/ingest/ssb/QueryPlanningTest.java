package no.kostra.ingest.ssb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * How the client plans the calls for one table: the fewest StatBank's cell limit allows, none over it. Cells are the
 * product of the codes selected of each variable; the fewest calls for a selection is ⌈cells / limit⌉.
 */
class QueryPlanningTest {
    private static final List<String> TEN_REGIONS = IntStream.range(0, 10).mapToObj(i -> String.valueOf(3201 + i)).toList();

    /** A 12367-like table: regions, functions, arts, one contents code, three years. */
    private static SsbClient.Variables accounts(List<String> regions) {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        codes.put("KOKkommuneregion0000", regions);
        codes.put("KOKfunksjon0000", List.of("201", "202", "232", "233", "241"));
        codes.put("KOKart0000", List.of("AGD2", "AGD10", "A590"));
        codes.put("ContentsCode", List.of("KOSbelop0000"));
        codes.put("Tid", List.of("2022", "2023", "2024"));
        return new SsbClient.Variables(codes, Set.of());
    }

    private static SsbRequest request(String table, String contents, Map<String, List<String>> fixed) {
        return new SsbRequest(table, List.of(contents), List.of("2022", "2023", "2024"), fixed);
    }

    private static SsbRequest accounts(List<String> functions, String art) {
        return request("12367", "KOSbelop0000", Map.of("KOKkommuneregion0000", TEN_REGIONS, "KOKfunksjon0000", functions,
                "KOKart0000", List.of(art)));
    }

    @Test
    void seriesOfOneTableGoOutInOneCallWhenTheirCellsTogetherFit() {
        // given net expenses of kommunehelse and gross expenses of barnehage: different functions and arts
        List<SsbRequest> requests = List.of(accounts(List.of("232", "233", "241"), "AGD2"), accounts(List.of("201"), "AGD10"));

        // when planned under SSB's limit
        List<SsbClient.Piece> calls = SsbClient.plan(requests, accounts(TEN_REGIONS), SsbClient.SSB_CELL_LIMIT);

        // then one call asks both functions' union × both arts: 10 regions × 4 functions × 2 arts × 1 × 3 years = 240 cells
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.requests()).containsExactly(0, 1);
            assertThat(call.selection().get("KOKfunksjon0000")).containsExactly("201", "232", "233", "241");
            assertThat(call.selection().get("KOKart0000")).containsExactly("AGD2", "AGD10");
            assertThat(call.cells()).isEqualTo(240);
        });
    }

    @Test
    void aSelectionOverTheCellLimitIsSplitIntoTheFewestCallsNoneOverTheLimit() {
        // given one series of 10 regions × 3 functions × 1 art × 3 years = 90 cells, and a limit of 20 cells a call
        List<SsbRequest> requests = List.of(accounts(List.of("232", "233", "241"), "AGD2"));

        List<SsbClient.Piece> calls = SsbClient.plan(requests, accounts(TEN_REGIONS), 20);

        // then ⌈90 / 20⌉ = 5 calls along the regions (9 cells a region), two regions each: 18 cells
        assertThat(calls).hasSize(5).allSatisfy(call -> assertThat(call.cells()).isEqualTo(18));
        assertThat(calls).flatExtracting(call -> call.selection().get("KOKkommuneregion0000")).containsExactlyElementsOf(TEN_REGIONS);
    }

    @Test
    void theVariableToSplitAlongIsTheOneNeedingFewestCalls() {
        // given 7 regions × 2 years of one contents code (14 cells) and a limit of 7: along the regions (2 cells each) it
        // takes ⌈7 / 3⌉ = 3 calls, along the years 2, the fewest the limit allows (⌈14 / 7⌉)
        List<String> seven = TEN_REGIONS.subList(0, 7);
        Map<String, List<String>> codes = new LinkedHashMap<>();
        codes.put("KOKkommuneregion0000", seven);
        codes.put("ContentsCode", List.of("KOSandel150000"));
        codes.put("Tid", List.of("2023", "2024"));
        SsbRequest request = new SsbRequest("13502", List.of("KOSandel150000"), List.of("2023", "2024"),
                Map.of("KOKkommuneregion0000", seven));

        List<SsbClient.Piece> calls = SsbClient.plan(List.of(request), new SsbClient.Variables(codes, Set.of()), 7);

        assertThat(calls).hasSize(2).allSatisfy(call -> assertThat(call.cells()).isEqualTo(7));
        assertThat(calls).extracting(call -> call.selection().get("Tid")).containsExactly(List.of("2023"), List.of("2024"));
    }

    @Test
    void inhabitantsOfAllAgesAndOfSomeAgesComeInOneCallWithEveryAgeAskedAndSexEliminated() {
        // given 07459's regions, sexes and ages, both eliminable: one series sums every sex and age (*), another picks
        // ages 80 and over
        List<String> ages = IntStream.rangeClosed(0, 105).mapToObj(a -> a == 105 ? "105+" : String.format("%03d", a)).toList();
        Map<String, List<String>> codes = new LinkedHashMap<>();
        codes.put("Region", TEN_REGIONS);
        codes.put("Kjonn", List.of("1", "2"));
        codes.put("Alder", ages);
        codes.put("ContentsCode", List.of("Personer1"));
        codes.put("Tid", List.of("2022", "2023", "2024"));
        SsbClient.Variables population = new SsbClient.Variables(codes, Set.of("Kjonn", "Alder"));
        SsbRequest everyone = request("07459", "Personer1", Map.of("Region", TEN_REGIONS, "Kjonn", List.of("*"), "Alder", List.of("*")));
        SsbRequest eldest = request("07459", "Personer1", Map.of("Region", TEN_REGIONS, "Kjonn", List.of("*"),
                "Alder", ages.subList(80, 106)));

        List<SsbClient.Piece> calls = SsbClient.plan(List.of(everyone, eldest), population, SsbClient.SSB_CELL_LIMIT);

        // then one call: every age (the sum of which is everyone's total), no sex: 10 × 106 × 3 = 3 180 cells
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.requests()).containsExactly(0, 1);
            assertThat(call.selection()).doesNotContainKey("Kjonn");
            assertThat(call.selection().get("Alder")).isEqualTo(ages);
            assertThat(call.cells()).isEqualTo(3_180);
        });
    }

    @Test
    void aShapeThatDoesNotListTheAgesKeepsTheTotalOverEveryAgeApartFromTheSeriesOfSomeAges() {
        // given a shape of 07459 that lists no ages: the codes of Alder are only those asked
        TableShape shape = new TableShape("07459", List.of(new TableShape.Variable("Region", false, List.of()),
                new TableShape.Variable("Kjonn", true, List.of()), new TableShape.Variable("Alder", true, List.of()),
                new TableShape.Variable("ContentsCode", false, List.of()), new TableShape.Variable("Tid", false, List.of())), false);
        SsbRequest everyone = request("07459", "Personer1", Map.of("Region", TEN_REGIONS, "Kjonn", List.of("*"), "Alder", List.of("*")));
        SsbRequest eldest = request("07459", "Personer1", Map.of("Region", TEN_REGIONS, "Kjonn", List.of("*"),
                "Alder", List.of("080", "081")));

        List<SsbClient.Piece> calls = SsbClient.plan(List.of(everyone, eldest),
                shape.variablesFor(List.of(everyone, eldest)).orElseThrow(), SsbClient.SSB_CELL_LIMIT);

        // then two calls: merged, the total would be the sum of ages 80 and 81 alone
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).selection()).doesNotContainKey("Alder");
        assertThat(calls.get(1).selection().get("Alder")).containsExactly("080", "081");
    }

    @Test
    void aShapeCannotPlanAVariableARequestLeavesUnnamedThatTheTableCannotEliminate() {
        TableShape shape = new TableShape("12367", List.of(new TableShape.Variable("KOKkommuneregion0000", false, List.of()),
                new TableShape.Variable("KOKart0000", false, List.of()), new TableShape.Variable("ContentsCode", false, List.of()),
                new TableShape.Variable("Tid", false, List.of())), true);

        assertThat(shape.variablesFor(List.of(request("12367", "KOSbelop0000", Map.of("KOKkommuneregion0000", TEN_REGIONS)))))
                .isEmpty();
        assertThat(shape.variablesFor(List.of(request("12367", "KOSbelop0000", Map.of("KOKkommuneregion0000", TEN_REGIONS,
                "KOKart0000", List.of("*")))))).isEmpty();
    }

    @Test
    void seriesWhoseMergedSelectionWouldCostMoreCallsStaySeparate() {
        // given two series of 10 regions × 1 function × 1 art × 3 years = 30 cells each, limit 30: two calls; merged they
        // would select 2 functions × 2 arts, 120 cells, four calls
        List<SsbRequest> requests = List.of(accounts(List.of("232"), "AGD2"), accounts(List.of("201"), "AGD10"));

        List<SsbClient.Piece> calls = SsbClient.plan(requests, accounts(TEN_REGIONS), 30);

        assertThat(calls).hasSize(2).extracting(SsbClient.Piece::cells).containsExactly(30L, 30L);
    }
}
