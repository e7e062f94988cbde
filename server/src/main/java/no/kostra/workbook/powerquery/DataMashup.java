package no.kostra.workbook.powerquery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The workbook's Power Query definitions in the Query Definition File Format ([MS-QDEFF]): a {@code DataMashup} element
 * in a custom XML part holding, base64-encoded, four length-prefixed fields after a version of 0 — the package parts
 * (an OPC package with {@code Formulas/Section1.m}), the permissions, the metadata (one item per query saying it loads
 * into its table) and the permission bindings. The bindings are a DPAPI checksum only Excel on the user's own machine
 * can make; MS-QDEFF §2.6 says a reader that finds them not matching discards the permissions and uses the defaults,
 * so they are left empty and the permissions written are those defaults. Pure.
 */
final class DataMashup {
    static final String NAMESPACE = "http://schemas.microsoft.com/DataMashup";
    static final String SECTION_PATH = "Formulas/Section1.m";
    /** The Power Query version that wrote the package, and the oldest that may read it (as Excel 2016 and later write). */
    private static final String VERSION = "2.99.202.0";
    private static final String MIN_VERSION = "2.21.0.0";
    private static final String BOM = "\uFEFF";
    private static final String XML_SCHEMA_NAMESPACES = " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
    /** An OPC package with no part: the metadata's content, which only the Data Model uses. */
    private static final byte[] EMPTY_ZIP = {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final DateTimeFormatter FILLED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private DataMashup() {
    }

    /** The custom XML part: {@code <DataMashup>} with the base64 stream, in UTF-16 with a byte-order mark, as Excel writes it. */
    static byte[] customXmlPart(String section, List<QueryBinding> bindings, Instant filledAt) {
        String base64 = Base64.getEncoder().encodeToString(stream(section, bindings, filledAt));
        String xml = BOM + "<?xml version=\"1.0\" encoding=\"utf-16\"?><DataMashup xmlns=\"" + NAMESPACE + "\">" + base64 + "</DataMashup>";
        return xml.getBytes(StandardCharsets.UTF_16LE);
    }

    /** The binary stream of MS-QDEFF §2.2. */
    static byte[] stream(String section, List<QueryBinding> bindings, Instant filledAt) {
        byte[] parts = packageParts(section);
        byte[] permissions = (BOM + "<?xml version=\"1.0\" encoding=\"utf-8\"?><PermissionList" + XML_SCHEMA_NAMESPACES + ">"
                + "<CanEvaluateFuturePackages>false</CanEvaluateFuturePackages><FirewallEnabled>true</FirewallEnabled>"
                + "<WorkbookGroupType xsi:nil=\"true\" /></PermissionList>").getBytes(StandardCharsets.UTF_8);
        byte[] metadata = metadata(bindings, filledAt);
        ByteBuffer out = ByteBuffer.allocate(4 + 4 + parts.length + 4 + permissions.length + 4 + metadata.length + 4)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0);
        out.putInt(parts.length).put(parts);
        out.putInt(permissions.length).put(permissions);
        out.putInt(metadata.length).put(metadata);
        out.putInt(0); // permission bindings: none (see the class comment)
        return out.array();
    }

    /** The package parts: an OPC package (ZIP, entries stored) with the section document. */
    static byte[] packageParts(String section) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            stored(zip, "[Content_Types].xml", BOM + "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types"
                    + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\""
                    + " ContentType=\"text/xml\" /><Default Extension=\"m\" ContentType=\"application/x-ms-m\" /></Types>");
            stored(zip, "Config/Package.xml", BOM + "<?xml version=\"1.0\" encoding=\"utf-8\"?><Package" + XML_SCHEMA_NAMESPACES
                    + "><Version>" + VERSION + "</Version><MinVersion>" + MIN_VERSION + "</MinVersion><Culture>nb-NO</Culture></Package>");
            stored(zip, SECTION_PATH, section);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Metadata (§2.5): version 0, the XML, and an empty content package. */
    static byte[] metadata(List<QueryBinding> bindings, Instant filledAt) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><LocalPackageMetadataFile")
                .append(XML_SCHEMA_NAMESPACES).append("><Items><Item><ItemLocation><ItemType>AllFormulas</ItemType><ItemPath />")
                .append("</ItemLocation><StableEntries /></Item>");
        for (QueryBinding binding : bindings) {
            String query = SectionDocument.SECTION + "/" + URLEncoder.encode(binding.query().table(), StandardCharsets.UTF_8);
            xml.append("<Item><ItemLocation><ItemType>Formula</ItemType><ItemPath>").append(query)
                    .append("</ItemPath></ItemLocation><StableEntries>");
            entry(xml, "IsPrivate", "l0");
            entry(xml, "FillEnabled", "l1");
            entry(xml, "FillObjectType", "sTable");
            entry(xml, "FillToDataModelEnabled", "l0");
            entry(xml, "BufferNextRefresh", "l1");
            entry(xml, "ResultType", "sTable");
            entry(xml, "NameUpdatedAfterFill", "l0");
            entry(xml, "NavigationStepName", "sNavigation");
            entry(xml, "FillTarget", "s" + binding.query().table());
            entry(xml, "FilledCompleteResultToWorksheet", "l1");
            entry(xml, "AddedToDataModel", "l0");
            entry(xml, "FillCount", "l" + binding.rows());
            entry(xml, "FillErrorCode", "sUnknown");
            entry(xml, "FillErrorCount", "l0");
            entry(xml, "FillLastUpdated", "d" + FILLED_AT.format(filledAt));
            entry(xml, "FillColumnNames", "s" + json(binding.headers()));
            entry(xml, "FillStatus", "sComplete");
            xml.append("</StableEntries></Item>");
            for (String step : SectionDocument.STEPS) {
                xml.append("<Item><ItemLocation><ItemType>Formula</ItemType><ItemPath>").append(query).append('/').append(step)
                        .append("</ItemPath></ItemLocation><StableEntries /></Item>");
            }
        }
        xml.append("</Items></LocalPackageMetadataFile>");
        byte[] text = xml.toString().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + 4 + text.length + 4 + EMPTY_ZIP.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0).putInt(text.length).put(text).putInt(EMPTY_ZIP.length).put(EMPTY_ZIP).array();
    }

    private static void entry(StringBuilder xml, String type, String value) {
        xml.append("<Entry Type=\"").append(type).append("\" Value=\"").append(attribute(value)).append("\" />");
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String json(List<String> names) {
        try {
            return new ObjectMapper().writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stored(ZipOutputStream zip, String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
