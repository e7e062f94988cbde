package no.kostra.ingest.jsonstat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonStatParserTest {
    private static final String CUBE = "{\"version\":\"2.0\",\"class\":\"dataset\",\"id\":[\"a\",\"b\"],\"size\":[300,400],"
            + "\"dimension\":{\"a\":{\"category\":{\"index\":%s}},\"b\":{\"category\":{\"index\":%s}}},%s}";

    private record Cell(int cell, double value, String status) {
    }

    private static String codes(int n) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "\"" : ",\"").append(i).append('"');
        }
        return s.append(']').toString();
    }

    private static List<Cell> cells(String members) {
        String json = String.format(CUBE, codes(300), codes(400), members);
        JsonStatCube cube = JsonStatParser.parse("t.json", json.getBytes(StandardCharsets.UTF_8));
        List<Cell> cells = new ArrayList<>();
        cube.forEachCell((cell, value, status) -> cells.add(new Cell(cell, value, status)));
        return cells;
    }

    @Test
    void aSparseValueGivesOnlyTheCellsItNamesEachWithTheStatusForAll() {
        List<Cell> cells = cells("\"value\":{\"119999\":2.5,\"7\":null},\"status\":\"..\"");

        assertThat(cells).containsExactly(new Cell(7, Double.NaN, ".."), new Cell(119_999, 2.5, ".."));
    }

    @Test
    void aCellWithOnlyAStatusInASparseCubeIsGivenAsNullWithItsStatus() {
        List<Cell> cells = cells("\"value\":{\"3\":1},\"status\":{\"5\":\":\"}");

        assertThat(cells).containsExactly(new Cell(3, 1, null), new Cell(5, Double.NaN, ":"));
    }

    @Test
    void aDenseValueGivesEveryCellInOrderWithItsOwnStatus() {
        StringBuilder values = new StringBuilder("\"value\":[");
        for (int i = 0; i < 120_000; i++) {
            values.append(i == 0 ? "" : ",").append(i == 4 ? "null" : String.valueOf(i));
        }
        List<Cell> cells = cells(values.append("],\"status\":{\"4\":\"-\"}").toString());

        assertThat(cells).hasSize(120_000);
        assertThat(cells.subList(3, 6)).containsExactly(new Cell(3, 3, null), new Cell(4, Double.NaN, "-"), new Cell(5, 5, null));
    }

    @Test
    void aDatasetInMemoryIsReadOnceAndGivesTheSameCellsAsOneReadFromASource() {
        // given a dense cube, as bytes in memory and as a source that counts how often it is opened
        StringBuilder values = new StringBuilder("\"value\":[");
        for (int i = 0; i < 120_000; i++) {
            values.append(i == 0 ? "" : ",").append(i == 7 ? "null" : i + ".5");
        }
        byte[] json = String.format(CUBE, codes(300), codes(400), values.append("],\"status\":{\"7\":\":\"}")).getBytes(StandardCharsets.UTF_8);
        int[] opened = {0};
        JsonStatParser.Source source = () -> {
            opened[0]++;
            return new java.io.ByteArrayInputStream(json);
        };

        // when each is read
        List<Cell> inMemory = new ArrayList<>();
        JsonStatParser.parse("t.json", json).forEachCell((cell, value, status) -> inMemory.add(new Cell(cell, value, status)));
        List<Cell> streamed = new ArrayList<>();
        JsonStatParser.parse("t.json", source).forEachCell((cell, value, status) -> streamed.add(new Cell(cell, value, status)));

        // then both give every cell alike, and only the source is read a second time for its values
        assertThat(inMemory).hasSize(120_000).isEqualTo(streamed);
        assertThat(inMemory.get(7)).isEqualTo(new Cell(7, Double.NaN, ":"));
        assertThat(opened[0]).isEqualTo(2);
    }

    @Test
    void aCellsCoordinatesFollowRowMajorOrder() {
        String json = String.format(CUBE, codes(300), codes(400), "\"value\":{\"401\":1}");
        JsonStatCube cube = JsonStatParser.parse("t.json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(new int[] {cube.coordinate(401, 0), cube.coordinate(401, 1)}).containsExactly(1, 1);
    }
}
