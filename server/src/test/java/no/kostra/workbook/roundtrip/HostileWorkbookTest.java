package no.kostra.workbook.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import no.kostra.errors.InvalidInputException;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import no.kostra.support.XlsxParts;
import no.kostra.workbook.ProvenanceSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Broken and hostile files: each refused with a message that says why, and nothing changes. */
class HostileWorkbookTest {
    Services services;
    byte[] filled;
    long revision;

    @BeforeEach
    void open() {
        services = SeededServices.open();
        filled = services.reports().fill("kommunehelse", "3201", 2024).xlsx();
        revision = services.figures().dataRevision();
    }

    @AfterEach
    void close() {
        assertThat(services.figures().dataRevision()).as("data revision after a refused file").isEqualTo(revision);
        services.close();
    }

    private void assertRefused(byte[] file, String message) {
        assertThatThrownBy(() -> services.roundTrip().receive("retur.xlsx", file, "Ole", null, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message);
    }

    @Test
    void aRenamedCsvIsNotAWorkbook() {
        assertRefused("region;indikator;år;verdi\n3201;KHT.sykefravaer;2024;7,1\n".getBytes(StandardCharsets.UTF_8),
                "retur.xlsx: filen er ikke en xlsx-arbeidsbok (den begynner ikke som en ZIP-pakke)");
    }

    @Test
    void aTruncatedWorkbookIsRefused() {
        assertRefused(Arrays.copyOf(filled, filled.length / 2), "retur.xlsx: filen er skadet, avkuttet eller ikke en xlsx-arbeidsbok");
    }

    @Test
    void anEncryptedOrOldXlsWorkbookIsRefused() {
        byte[] ole2 = new byte[512];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);

        assertRefused(ole2, "retur.xlsx: filen er passordbeskyttet (kryptert) eller i det gamle .xls-formatet;"
                + " lagre den som en vanlig .xlsx-arbeidsbok uten passord");
    }

    @Test
    void aZipBombIsStoppedWhileInflating() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 120; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(1 << 20);

        assertRefused(out.toByteArray(), "retur.xlsx: filen ser ut som en zip-bombe (pakker ut til langt mer enn den fyller); den leses ikke");
    }

    @Test
    void duplicateZipEntriesAreRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : new String[] {"xl/workbook.xml", "xl/workbook.xmX"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        // ZipOutputStream refuses duplicate names, so the second is renamed in the bytes, as a hand-made package would be
        byte[] bytes = out.toByteArray();
        replaceAll(bytes, "xl/workbook.xmX", "xl/workbook.xml");

        assertRefused(bytes, "retur.xlsx: pakken har to deler med samme navn (xl/workbook.xml)");
    }

    @Test
    void aPackageOfMoreThan2000PartsIsRefused() throws IOException {
        assertRefused(packageOfEmptyParts(2_001), "retur.xlsx: pakken har flere enn 2000 deler");
    }

    @Test
    void aSmallFileOfHundredsOfThousandsOfEmptyPartsIsRefusedWithoutReadingItsDirectory() throws IOException {
        // given 18 MB of empty parts: a ZIP reader would build an object for each of its 200 000 directory entries
        byte[] parts = packageOfEmptyParts(200_000);
        assertThat(parts.length).isLessThan(20 * 1024 * 1024);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemoryEnabled()).as("this JVM counts each thread's allocations").isTrue();
        // the first refusal loads the classes involved, which is not what is measured
        assertRefused(parts, "retur.xlsx: pakken har flere enn 2000 deler");
        long before = threads.getCurrentThreadAllocatedBytes();

        assertRefused(parts, "retur.xlsx: pakken har flere enn 2000 deler");

        // then it is refused having allocated next to nothing (reading its directory allocates some 450 MB)
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(1024 * 1024);
    }

    @Test
    void aZipPackageWithoutContentTypesIsNotAWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("notat.txt"));
            zip.write("Ikke en arbeidsbok".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertRefused(out.toByteArray(), "retur.xlsx: filen er en ZIP-pakke, men ikke en xlsx-arbeidsbok");
    }

    private static byte[] packageOfEmptyParts(int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setMethod(ZipOutputStream.STORED);
            for (int i = 0; i < count; i++) {
                ZipEntry entry = new ZipEntry(i == 0 ? "[Content_Types].xml" : "xl/" + i);
                entry.setSize(0);
                entry.setCompressedSize(0);
                entry.setCrc(0);
                zip.putNextEntry(entry);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void anXmlEntityIsRefused() throws IOException {
        byte[] withEntity = XlsxParts.replace(filled, "xl/workbook.xml", xml -> xml.replaceFirst("<\\?xml[^>]*\\?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE lol [<!ENTITY lol \"lol\">]>"));

        assertRefused(withEntity, "retur.xlsx: arbeidsboken inneholder XML-deklarasjoner (DOCTYPE/entiteter), som ikke er tillatt");
    }

    @Test
    void aWorkbookNotMadeByTheServiceIsRefused() throws IOException {
        byte[] plain;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Ark1").createRow(0).createCell(0).setCellValue("Mine egne tall");
            workbook.write(out);
            plain = out.toByteArray();
        }

        assertRefused(plain, "retur.xlsx er ikke laget av Kostra-arbeidsbenken (arbeidsboken har ikke tjenestens proveniensark)");
    }

    @Test
    void aWorkbookWhoseProvenanceWasEditedIsRefused() {
        byte[] tampered;
        try (PersonInExcel someone = new PersonInExcel(filled)) {
            // the hidden sheet's first mapped cell claims another filled value, so an edit would look like no edit
            var sheet = someone.workbook().getSheet(ProvenanceSheet.SHEET_NAME);
            // an entry is [sheet, cell, table, column, rowKey, kind, indicator, region, year, statistic, value, …]
            String recorded = "\"3201\",\"2024\",null,\"0.972\"";
            int edited = 0;
            for (var row : sheet) {
                var cell = row.getCell(0);
                String text = cell == null ? "" : cell.getStringCellValue();
                if (text.contains(recorded)) {
                    // a new cell, as Excel writes one: POI would keep an inline string's old text beside a new value
                    row.removeCell(cell);
                    row.createCell(0).setCellValue(text.replace(recorded, "\"3201\",\"2024\",null,\"0.975\""));
                    edited += text.split(java.util.regex.Pattern.quote(recorded), -1).length - 1;
                }
            }
            assertThat(edited).as("provenance entries of Bærum's 2024 ressursbruksindikator").isEqualTo(1);
            tampered = someone.save();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertRefused(tampered, "Proveniensen i retur.xlsx er endret (kontrollsummen stemmer ikke); arbeidsboken kan ikke"
                + " brukes til å lagre endringer");
    }

    private static void replaceAll(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + f.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, bytes, i, t.length);
            }
        }
    }
}
