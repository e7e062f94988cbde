package no.kostra.cli;

import static no.kostra.cli.ServedDatabase.number;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import no.kostra.web.Json;
import no.kostra.workbook.CellProvenance;
import no.kostra.workbook.ProfileColumn;
import no.kostra.workbook.ProvenanceSheet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} killed with SIGKILL while it applies returned workbooks (issue 14, item 7). One workbook's apply is a
 * fraction of a second, so many come back at once and queue on the writers' lock; the kill lands while the service
 * inserts the edits of one of them, after at least one other was answered. When the database is opened again, every
 * workbook is stored whole (its upload, every decided edit, its corrections and comments, their import-log entries)
 * or not at all, the data revision is the newest one stamped, and a new service on the same database applies the rest.
 * Run on H2 ({@link KilledDuringApplyIT}) and PostgreSQL ({@link KilledDuringApplyPostgresIT}).
 */
abstract class KilledDuringApply {
    private static final List<String> TEMPLATES = List.of("kommunehelse", "pleie-og-omsorg");
    private static final int YEAR = 2024;
    /** No more than the service reads at once (ServerLimits.DEFAULT): the rest would be told to come back later. */
    private static final int IN_FLIGHT = 32;

    @TempDir
    Path dir;

    /** The database the service runs on, new and empty. */
    abstract ServedDatabase database(Path dir);

    /** A workbook as it goes back, and what a dry run of it said would be stored. */
    private record Returned(String name, String sender, byte[] file, List<String> outcomes, int appliedValues, int appliedComments) {
        /** Confirmed: a percentage corrected by 1 % may pass 100, and this test is about atomicity, not plausibility. */
        String query() {
            return "/api/workbooks?name=" + name + "&sender=" + sender + "&acceptOutliers=true";
        }

        /** The source its corrections and comments are logged under (RoundTripStore): the file and who sent it. */
        String source() {
            return name + " (uten innlogging)";
        }
    }

    @Test
    void aServiceKilledWhileApplyingReturnedWorkbooksLeavesEveryWorkbookWholeOrUnappliedAndANewServiceAppliesTheRest()
            throws Exception {
        ServedDatabase database = database(dir);
        List<Returned> returned = new ArrayList<>();
        Map<Returned, CompletableFuture<HttpResponse<String>>> answers = new LinkedHashMap<>();
        try (ServeProcess serve = ServeProcess.start(database, dir.resolve("serve.log"))) {
            // given the reports of many municipalities, downloaded, with every figure corrected and a comment on every row
            List<String> municipalities = municipalities(database);
            HttpResponse<String> figures = serve.post("/api/imports?format=csv&acceptOutliers=true&name=alle-kommuner.csv",
                    figuresLikeBaerums(database, municipalities), Duration.ofMinutes(1));
            assertThat(figures.statusCode()).as(figures.body()).isEqualTo(201);
            for (String region : municipalities) {
                for (String template : TEMPLATES) {
                    HttpResponse<byte[]> filled = serve.get("/api/reports/" + template + ".xlsx?region=" + region + "&year=" + YEAR);
                    assertThat(filled.statusCode()).as(new String(filled.body(), StandardCharsets.UTF_8)).isEqualTo(200);
                    returned.add(dryRun(serve, template + "-" + region + ".xlsx", "leder-" + region, correctedEverywhere(filled.body())));
                }
            }
            assertThat(returned).hasSizeBetween(4, IN_FLIGHT);

            // when they all come back at once, and the service is killed while it writes the edits of one of them
            for (Returned r : returned) {
                answers.put(r, serve.postAsync(r.query(), r.file()));
            }
            serve.killWhileWriting(database, "workbook_edit", () -> answers.values().stream().anyMatch(CompletableFuture::isDone));
        }

        // then, opened again, each workbook is whole or absent, and every one the service answered before it died is there
        List<Returned> answered = answers.entrySet().stream().filter(a -> a.getValue().isDone()
                && !a.getValue().isCompletedExceptionally()).map(Map.Entry::getKey).toList();
        assertThat(answered).as("answers before the kill").isNotEmpty().allSatisfy(r -> assertThat(answers.get(r).join().statusCode())
                .as(answers.get(r).join().body()).isEqualTo(201));
        Set<Returned> applied = assertWholeOrUnapplied(database, returned);
        System.out.printf("killed apply (%s): %d of %d workbooks applied, %d answered before the kill; %d edits in all%n",
                getClass().getSimpleName(), applied.size(), returned.size(), answered.size(),
                returned.stream().mapToInt(r -> r.outcomes().size()).sum());
        assertThat(applied).as("every workbook answered before the kill is stored").containsAll(answered)
                .as("the kill came while workbooks were still being applied").hasSizeLessThan(returned.size());

        // and a new service on the same database applies the others at once, and knows the applied ones
        try (ServeProcess again = ServeProcess.start(database, dir.resolve("serve-again.log"))) {
            for (Returned r : returned) {
                HttpResponse<String> redone = again.post(r.query(), r.file(), Duration.ofMinutes(1));
                assertThat(redone.statusCode()).as(r.name() + ": " + redone.body()).isEqualTo(applied.contains(r) ? 200 : 201);
            }
        }
        assertThat(assertWholeOrUnapplied(database, returned)).containsExactlyInAnyOrderElementsOf(returned);
    }

    /** The workbook, and what the service says it would store of it, from a dry run (which stores nothing). */
    private static Returned dryRun(ServeProcess serve, String name, String sender, byte[] file) throws Exception {
        HttpResponse<String> answer = serve.post(new Returned(name, sender, file, List.of(), 0, 0).query() + "&dryRun=true", file,
                Duration.ofMinutes(1));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> outcomes = new ArrayList<>();
        int values = 0;
        int comments = 0;
        for (JsonNode d : Json.MAPPER.readTree(answer.body()).path("decisions")) {
            String outcome = d.path("outcome").asText();
            outcomes.add(outcome);
            if (outcome.equals("APPLIED")) {
                values += d.path("edit").path("kind").asText().equals("VALUE") ? 1 : 0;
                comments += d.path("edit").path("kind").asText().equals("COMMENT") ? 1 : 0;
            }
        }
        assertThat(values).as("corrections the dry run of %s would apply: %s", name, answer.body()).isGreaterThanOrEqualTo(20);
        assertThat(comments).as("comments the dry run of %s would apply", name).isGreaterThanOrEqualTo(5);
        return new Returned(name, sender, file, outcomes, values, comments);
    }

    /** Checks every workbook is stored whole or not at all, and the store as a whole is consistent; answers the stored ones. */
    private static Set<Returned> assertWholeOrUnapplied(ServedDatabase database, List<Returned> returned) throws Exception {
        Set<Returned> applied = new HashSet<>();
        try (Connection c = database.connect()) {
            for (Returned r : returned) {
                if (assertWholeOrUnapplied(c, r)) {
                    applied.add(r);
                }
            }
            KilledDuringImport.assertConsistent(c);
            assertThat(number(c, "select count(*) from import_log l where kind = 'correction'"
                    + " and not exists (select 1 from workbook_upload u where u.import_id = l.id)"))
                    .as("corrections without their workbook").isZero();
        }
        return applied;
    }

    private static boolean assertWholeOrUnapplied(Connection c, Returned r) throws Exception {
        long id;
        long importId;
        try (PreparedStatement s = c.prepareStatement("select id, import_id from workbook_upload where checksum = ?")) {
            s.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.file())));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    assertThat(value(c, "select count(*) from import_log where source_name = ?", r.source()))
                            .as("import-log entries of %s, which is not stored", r.name()).isZero();
                    assertThat(value(c, "select count(*) from observation where source = ?", r.source()))
                            .as("figures from %s, which is not stored", r.name()).isZero();
                    return false;
                }
                id = rs.getLong(1);
                importId = rs.getLong(2);
            }
        }
        List<String> outcomes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select outcome from workbook_edit where upload_id = ? order by seq")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    outcomes.add(rs.getString(1));
                }
            }
        }
        assertThat(outcomes).as("the decided edits of %s", r.name()).isEqualTo(r.outcomes());
        assertThat(value(c, "select count(*) from observation where import_id = ?", importId))
                .as("corrections of %s", r.name()).isEqualTo(r.appliedValues());
        assertThat(value(c, "select rows_added + rows_changed from import_log where id = ? and data_revision is not null", importId))
                .as("logged corrections of %s", r.name()).isEqualTo(r.appliedValues());
        assertThat(value(c, "select count(*) from figure_comment where upload_id = ?", id))
                .as("comments of %s", r.name()).isEqualTo(r.appliedComments());
        assertThat(value(c, "select coalesce(sum(rows_changed), 0) from import_log where kind = 'comment' and source_name = ?"
                + " and data_revision is not null", r.source())).as("logged comments of %s", r.name()).isEqualTo(r.appliedComments());
        return true;
    }

    private static long value(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    /** The municipalities, as many as can be in flight at once with both reports each. */
    private static List<String> municipalities(ServedDatabase database) throws SQLException {
        List<String> codes = database.strings("select code from region where kind = 'municipality' order by code");
        return codes.subList(0, Math.min(codes.size(), IN_FLIGHT / TEMPLATES.size()));
    }

    /**
     * The seeds hold figures for Bærum (3201) only: a CSV that gives every other municipality Bærum's figures, so each
     * has full reports to correct.
     */
    private static byte[] figuresLikeBaerums(ServedDatabase database, List<String> municipalities) throws SQLException {
        StringBuilder csv = new StringBuilder("region;indicator;year;value\n");
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("select indicator_id, ref_year, num_value from observation o"
                     + " where region_code = '3201' and num_value is not null and revision = (select max(revision)"
                     + " from observation i where i.indicator_id = o.indicator_id and i.region_code = o.region_code"
                     + " and i.ref_year = o.ref_year)");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                for (String region : municipalities) {
                    if (!region.equals("3201")) {
                        csv.append(region).append(';').append(r.getString(1)).append(';').append(r.getInt(2)).append(';')
                                .append(r.getBigDecimal(3).toPlainString().replace('.', ',')).append('\n');
                    }
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The workbook as a service leader might send it back after a long evening: every figure of the municipality
     * corrected (one cell per figure, where it shows in several tables) and a comment written on every row that has a
     * comment column. Found through the provenance sheet, so the test needs no cell addresses.
     */
    private static byte[] correctedEverywhere(byte[] filled) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            ProvenanceSheet.Provenance provenance = ProvenanceSheet.read(workbook).orElseThrow();
            String region = provenance.header().region();
            Set<String> corrected = new HashSet<>();
            Set<String> commented = new HashSet<>();
            for (CellProvenance p : provenance.cells()) {
                if (p.kind() != CellProvenance.Kind.DATA || p.statistic() != null || p.value() == null || !region.equals(p.region())
                        || !corrected.add(p.indicator() + "|" + p.year())) {
                    continue;
                }
                CellReference address = new CellReference(p.cell());
                Row row = workbook.getSheet(p.sheet()).getRow(address.getRow());
                row.getCell(address.getCol()).setCellValue(Math.round(Double.parseDouble(p.value()) * 1010 + 10) / 1000.0);
                XSSFTable table = p.table() == null ? null : workbook.getTable(p.table());
                int column = table == null ? -1 : table.findColumnIndex(ProfileColumn.COMMENT.header());
                if (column >= 0 && commented.add(p.indicator())) {
                    write(row, table.getStartColIndex() + column, "Kontrollert mot regnskapet for " + p.indicator());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Text typed into a cell writes a new cell, as Excel does (POI would keep an inline string's old text beside it). */
    private static void write(Row row, int column, String text) {
        Cell old = row.getCell(column);
        CellStyle style = old == null ? null : old.getCellStyle();
        if (old != null) {
            row.removeCell(old);
        }
        Cell typed = row.createCell(column);
        if (style != null) {
            typed.setCellStyle(style);
        }
        typed.setCellValue(text);
    }
}
