package no.kostra.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import no.kostra.errors.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A table must fit in an Excel sheet (1 048 576 rows, the header one of them): its figures go back into workbooks. */
class ExcelRowLimitTest {
    private static final int EXCEL_ROWS = 1_048_576;
    private static final String LIMIT = "1\u00A0048\u00A0576";

    /** A header and as many data rows of empty fields, as cheap as a CSV row gets. */
    private static String csv(String header, String emptyRow, int dataRows) {
        StringBuilder text = new StringBuilder(header.length() + 1 + dataRows * (emptyRow.length() + 1));
        text.append(header).append('\n');
        for (int i = 0; i < dataRows; i++) {
            text.append(emptyRow).append('\n');
        }
        return text.toString();
    }

    private static final class CountingRows implements TableVisitor {
        int rows;

        @Override
        public void header(List<String> names, Places places) {
        }

        @Override
        public void row(List<String> cells, long row) {
            rows++;
        }
    }

    @Test
    void aCsvFigureFileThatFillsAnExcelSheetExactlyIsRead() {
        byte[] full = csv("region;indicator;year;value", ";;;", EXCEL_ROWS - 1).getBytes(StandardCharsets.UTF_8);
        CountingRows visitor = new CountingRows();

        CsvFigureReader.read(ImportSource.of("full.csv", full), visitor);

        assertThat(visitor.rows).isEqualTo(EXCEL_ROWS - 1);
    }

    @Test
    void aCsvFigureFileWithARowBeyondExcelsLastRowIsRefusedNamingTheLimit() {
        byte[] tooLong = csv("region;indicator;year;value", ";;;", EXCEL_ROWS).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CsvFigureReader.read(ImportSource.of("lang.csv", tooLong), new CountingRows()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("lang.csv linje 1048577: filen har flere rader enn et Excel-ark har plass til (høyst " + LIMIT
                        + ", overskriften medregnet); del den i flere filer");
    }

    @Test
    void aReferenceOrCatalogueCsvWithARowBeyondExcelsLastRowIsRefusedNamingTheLimit() {
        String tooLong = csv("year,deflator_percent,source", ",,", EXCEL_ROWS);

        assertThatThrownBy(() -> CsvTable.parse("deflators.csv", tooLong, Set.of("year")))
                .hasMessage("deflators.csv linje 1048577: filen har flere rader enn et Excel-ark har plass til (høyst " + LIMIT
                        + ", overskriften medregnet); del den i flere filer");
    }
}
