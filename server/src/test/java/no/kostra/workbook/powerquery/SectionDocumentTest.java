package no.kostra.workbook.powerquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SectionDocumentTest {
    private static final URI SERVICE = URI.create("https://kostra.baerum.kommune.no");

    private static Map<String, String> kht() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("region", "3201");
        parameters.put("area", "KHT");
        parameters.put("year", "2024");
        return parameters;
    }

    @Test
    void aTablesQueryReadsItsRouteAsJsonTypesItsColumnsAndNamesTheYearsAsTheTableDoes() {
        List<DataColumn> columns = DataTables.profileColumns(2024);
        TableQuery query = new TableQuery("Profil_KHT", DataRoute.PROFILE, kht(), columns);
        List<DataColumn> loaded = List.of(columns.get(0), columns.get(5), columns.get(7), columns.get(8),
                columns.get(columns.size() - 1));

        String m = SectionDocument.of(SERVICE, List.of(new QueryBinding(query, loaded, 17)));

        assertThat(m).isEqualTo("section Section1;\r\n"
                + "\r\n"
                + "shared Profil_KHT = let\r\n"
                + "    Svar = Json.Document(Web.Contents(\"https://kostra.baerum.kommune.no\", [RelativePath = \"api/data/profile\","
                + " Query = [region = \"3201\", area = \"KHT\", year = \"2024\"], ApiKeyName = \"kostra_key\"])),\r\n"
                + "    Rader = Table.FromRecords(Svar[rows], {\"Id\", \"År 1\", \"Rapportår\", \"ASSS-snitt\", \"Datarevisjon\"},"
                + " MissingField.Error),\r\n"
                + "    Typer = Table.TransformColumnTypes(Rader, {{\"Id\", type text}, {\"Datarevisjon\", Int64.Type}}),\r\n"
                + "    Overskrifter = Table.RenameColumns(Typer, {{\"År 1\", \"2022\"}, {\"Rapportår\", \"2024\"}})\r\n"
                + "in\r\n"
                + "    Overskrifter;\r\n");
    }

    @Test
    void aNumberColumnIsTypedAsANumberAndAFigureColumnIsLeftUntypedForItsStatusSymbols() {
        List<DataColumn> columns = DataTables.efficiencyColumns();
        TableQuery query = new TableQuery("Effektivitet_PLO", DataRoute.EFFICIENCY, kht(), columns);

        String m = SectionDocument.of(SERVICE, List.of(new QueryBinding(query, columns.subList(0, 3), 1)));

        assertThat(m).contains("Typer = Table.TransformColumnTypes(Rader, {{\"År\", type text}, {\"Kostnad (% over ASSS)\", type number},"
                + " {\"Produksjon (% over ASSS)\", type number}})");
        assertThat(m).contains("Overskrifter = Table.RenameColumns(Typer, {})");
    }

    @Test
    void namesAndTextThatMWouldReadOtherwiseAreQuotedAndEscaped() {
        assertThat(SectionDocument.identifier("Profil_PLO_0_66")).isEqualTo("Profil_PLO_0_66");
        assertThat(SectionDocument.identifier("Mine tall")).isEqualTo("#\"Mine tall\"");
        assertThat(SectionDocument.text("Sier \"hei\"")).isEqualTo("\"Sier \"\"hei\"\"\"");
        assertThat(SectionDocument.text("#(lf) og\nny linje")).isEqualTo("\"#(#)(lf) og#(000A)ny linje\"");
    }
}
