package no.kostra.workbook.powerquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The DataMashup stream read back field by field, as [MS-QDEFF] §2 lays it out. */
class DataMashupTest {
    private static final String SECTION = "section Section1;\r\n\r\nshared Profil_KHT = 1;\r\n";
    private static final Instant FILLED = Instant.parse("2025-06-15T08:00:00Z");

    private static QueryBinding kht() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("region", "3201");
        List<DataColumn> columns = DataTables.profileColumns(2024);
        return new QueryBinding(new TableQuery("Profil_KHT", DataRoute.PROFILE, parameters, columns),
                List.of(columns.get(0), columns.get(7)), 17);
    }

    @Test
    void theCustomXmlPartIsUtf16WithAByteOrderMarkAroundTheBase64Stream() {
        byte[] part = DataMashup.customXmlPart(SECTION, List.of(kht()), FILLED);

        assertThat(part[0]).isEqualTo((byte) 0xFF);
        assertThat(part[1]).isEqualTo((byte) 0xFE);
        String xml = new String(part, StandardCharsets.UTF_16LE);
        assertThat(xml).startsWith("\uFEFF<?xml version=\"1.0\" encoding=\"utf-16\"?><DataMashup xmlns=\"http://schemas.microsoft.com/DataMashup\">");
        String base64 = xml.substring(xml.indexOf('>', xml.indexOf("<DataMashup")) + 1, xml.indexOf("</DataMashup>"));
        assertThat(Base64.getDecoder().decode(base64)).isEqualTo(DataMashup.stream(SECTION, List.of(kht()), FILLED));
    }

    @Test
    void theStreamIsVersionZeroThenFourLengthPrefixedFieldsAndNothingAfter() throws Exception {
        ByteBuffer in = ByteBuffer.wrap(DataMashup.stream(SECTION, List.of(kht()), FILLED)).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(in.getInt()).as("version").isZero();
        byte[] parts = field(in);
        String permissions = new String(field(in), StandardCharsets.UTF_8);
        ByteBuffer metadata = ByteBuffer.wrap(field(in)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] bindings = field(in);

        assertThat(in.remaining()).isZero();
        assertThat(bindings).as("permission bindings: left empty, so the default permissions hold").isEmpty();
        assertThat(permissions).contains("<CanEvaluateFuturePackages>false</CanEvaluateFuturePackages><FirewallEnabled>true</FirewallEnabled>");
        assertThat(entries(parts)).containsExactly("[Content_Types].xml", "Config/Package.xml", "Formulas/Section1.m");
        assertThat(entry(parts, "Formulas/Section1.m")).isEqualTo(SECTION);
        assertThat(entry(parts, "Config/Package.xml")).contains("<Culture>nb-NO</Culture>");

        assertThat(metadata.getInt()).as("metadata version").isZero();
        String xml = new String(field(metadata), StandardCharsets.UTF_8);
        byte[] content = field(metadata);
        assertThat(metadata.remaining()).isZero();
        assertThat(content).hasSize(22).startsWith(0x50, 0x4b, 0x05, 0x06);
        assertThat(xml).contains("<ItemPath>Section1/Profil_KHT</ItemPath>", "<Entry Type=\"FillTarget\" Value=\"sProfil_KHT\" />",
                "<Entry Type=\"FillCount\" Value=\"l17\" />", "<Entry Type=\"FillLastUpdated\" Value=\"d2025-06-15T08:00:00.0000000Z\" />",
                "<Entry Type=\"FillColumnNames\" Value=\"s[&quot;Id&quot;,&quot;2024&quot;]\" />",
                "<ItemPath>Section1/Profil_KHT/Overskrifter</ItemPath>");
    }

    private static byte[] field(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return bytes;
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("No " + name);
    }
}
