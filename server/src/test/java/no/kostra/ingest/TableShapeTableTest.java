package no.kostra.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import no.kostra.errors.InvalidInputException;
import no.kostra.observation.Vintage;
import no.kostra.catalog.IndicatorSource;
import no.kostra.ingest.ssb.TableShape;
import no.kostra.store.SourceRepository;
import no.kostra.store.TableShapeRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TableShapeTableTest {
    private static final String HEADER = "table,variable,eliminable,codes,comparison_groups,status,evidence\n";
    private final IngestFixture fixture = new IngestFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theSeedsGiveTheShapeOfEveryTableTheSourcesName() {
        List<String> tables = fixture.services.database().read(SourceRepository::all).stream().map(IndicatorSource::table)
                .distinct().toList();

        assertThat(tables).hasSizeGreaterThanOrEqualTo(9).allSatisfy(table -> assertThat(stored(table)).as(table).isPresent());
        TableShape population = stored("07459").orElseThrow();
        assertThat(population.comparisonGroups()).isFalse();
        assertThat(population.variables()).extracting(TableShape.Variable::id).containsExactly("Region", "Kjonn", "Alder", "ContentsCode", "Tid");
        assertThat(population.variables().get(2).codes()).hasSize(106).startsWith("000").endsWith("104", "105+");
        assertThat(stored("12367").orElseThrow().comparisonGroups()).isTrue();
    }

    private java.util.Optional<TableShape> stored(String table) {
        return fixture.services.database().read(c -> TableShapeRepository.find(c, table));
    }

    @Test
    void aShapesFileImportedAsACatalogueTableAddsAndReplacesShapesByTableAndKeepsTheOthers() {
        // given the seeded shapes
        TableShape population = stored("07459").orElseThrow();

        // when a file gives 12367 another variable and a new table its shape
        ImportReport report = importShapes(HEADER
                + "12367,KOKkommuneregion0000,false,,true,unverified,notes\n"
                + "12367,KOKregnskapsomfa0000,false,,,unverified,notes\n"
                + "12367,KOKfunksjon0000,false,,,unverified,notes\n"
                + "12367,KOKart0000,false,,,unverified,notes\n"
                + "12367,KOKenhet0000,false,,,unverified,notes\n"
                + "12367,ContentsCode,false,,,unverified,notes\n"
                + "12367,Tid,false,,,unverified,notes\n"
                + "12362,KOKkommuneregion0000,false,,true,verified,metadata of 12362\n"
                + "12362,ContentsCode,false,,,verified,metadata of 12362\n"
                + "12362,Tid,false,,,verified,metadata of 12362\n");

        // then one shape changed, one added, and 07459's stays
        assertThat(report.read()).isEqualTo(2);
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.changed()).isEqualTo(1);
        assertThat(stored("12367").orElseThrow().variables()).extracting(TableShape.Variable::id).contains("KOKenhet0000");
        assertThat(stored("12362")).isPresent();
        assertThat(stored("07459")).contains(population);
    }

    @Test
    void aBadLineInAnImportedShapesFileIsRefusedNamingItAndChangesNothing() {
        TableShape before = stored("12367").orElseThrow();

        assertThatThrownBy(() -> importShapes(HEADER
                + "12367,KOKkommuneregion0000,false,,true,unverified,notes\n"
                + "12367,ContentsCode,kanskje,,,unverified,notes\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("shapes.csv linje 3, kolonne eliminable: ventet true eller false, fant 'kanskje'");
        assertThat(stored("12367")).contains(before);
    }

    private ImportReport importShapes(String text) {
        return fixture.services.importer().importFile("shapes.csv", text.getBytes(StandardCharsets.UTF_8),
                new ImportOptions(ImportFormat.CATALOG, null, Vintage.FINAL, null));
    }

    @Test
    void aTableWithoutItsRegionVariableIsRefusedNamingIt() {
        assertThatThrownBy(() -> TableShapeTable.parse(HEADER
                + "12367,ContentsCode,false,,,unverified,notes\n"
                + "12367,Tid,false,,,unverified,notes\n"))
                .hasMessageContaining("statbank_tables.csv: tabell 12367 mangler regionvariabelen");
    }

    @Test
    void comparisonGroupsSetOnAnotherVariableIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> TableShapeTable.parse(HEADER
                + "12367,KOKkommuneregion0000,false,,true,unverified,notes\n"
                + "12367,KOKart0000,false,,true,unverified,notes\n"))
                .hasMessageContaining("statbank_tables.csv linje 3, kolonne comparison_groups");
    }

    @Test
    void aRowWithoutEvidenceIsRefused() {
        assertThatThrownBy(() -> TableShapeTable.parse(HEADER + "07459,Region,false,,false,unverified,\n"))
                .hasMessageContaining("linje 2, kolonne evidence");
    }

    @Test
    void listedCodesKeepAPlusAtTheEndOfACode() {
        List<TableShape> shapes = TableShapeTable.parse(HEADER
                + "07459,Region,false,,false,unverified,notes\n"
                + "07459,Alder,true,103+104+105+,,unverified,notes\n"
                + "07459,ContentsCode,false,,,unverified,notes\n"
                + "07459,Tid,false,,,unverified,notes\n");

        assertThat(shapes).singleElement().satisfies(shape -> {
            assertThat(shape.variables().get(1)).isEqualTo(new TableShape.Variable("Alder", true, List.of("103", "104", "105+")));
            assertThat(shape.comparisonGroups()).isFalse();
        });
    }
}
