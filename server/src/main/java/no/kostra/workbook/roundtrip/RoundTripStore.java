package no.kostra.workbook.roundtrip;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kostra.catalog.Indicator;
import no.kostra.observation.Figure;
import no.kostra.observation.Status;
import no.kostra.observation.Vintage;
import no.kostra.store.CommentRepository;
import no.kostra.store.Database;
import no.kostra.store.ImportBatch;
import no.kostra.store.ImportWriter;
import no.kostra.store.ObservationRow;
import no.kostra.workbook.CellProvenance;

/** Keeps returned workbooks, their edits and the comments they carried; applies corrections through the import writer. */
public final class RoundTripStore {
    /** The widths of workbook_edit's text columns (V50). */
    private static final int AUDIT_TEXT_LENGTH = 4000;
    private static final int AUDIT_REASON_LENGTH = 1000;

    static final String CORRECTION = "correction";
    static final String UNDO = "undo";
    static final String COMMENT = "comment";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final ImportWriter writer;
    private final Clock clock;

    public RoundTripStore(Database database, ImportWriter writer, Clock clock) {
        this.database = database;
        this.writer = writer;
        this.clock = clock;
    }

    private static Optional<String> uploadWithChecksum(Connection c, String checksum) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select public_id from workbook_upload where checksum = ?")) {
            s.setString(1, checksum);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    /** What a dry run answers: each edit decided against what is stored now, and the upload that brought this file before. */
    public Received decideOnly(String checksum, List<Edit> edits, Map<String, Indicator> indicators, boolean acceptOutliers) {
        return database.read(c -> {
            List<Decision> decisions = EditDecider.decide(edits, storedNow(c, edits, indicators), new EditDecider.Mode(acceptOutliers, true));
            return new Received(null, uploadWithChecksum(c, checksum).orElse(null), decisions);
        });
    }

    /**
     * Decides every edit against what is committed and stores the file, its decisions and the accepted edits, in one
     * write transaction. Write transactions run one at a time, so two workbooks that change one figure cannot both be
     * decided against the figure they were made from: the second sees the first's correction and is a conflict. A file
     * received before (same checksum) changes nothing and names the earlier upload; a file with a figure held for
     * confirmation changes nothing either, until it comes again confirmed.
     */
    public Received receive(UploadHeader header, byte[] content, List<Edit> edits, Map<String, Indicator> indicators,
                            boolean acceptOutliers) {
        return database.inTransaction(c -> {
            Optional<String> earlier = uploadWithChecksum(c, header.checksum());
            List<Decision> decisions = EditDecider.decide(edits, storedNow(c, edits, indicators),
                    new EditDecider.Mode(acceptOutliers, earlier.isPresent()));
            if (earlier.isPresent() || decisions.stream().anyMatch(d -> d.outcome() == Decision.Outcome.HELD)) {
                return new Received(null, earlier.orElse(null), decisions);
            }
            return new Received(save(c, header, content, decisions), null, decisions);
        });
    }

    /** The outcome of receiving a file: its new upload id, or the earlier upload that brought the same file, and the decisions. */
    public record Received(String uploadId, String alreadyReceived, List<Decision> decisions) {
        public Received {
            decisions = List.copyOf(decisions);
        }
    }

    /** The current figures and comments for the edited keys, the same figures a year earlier, and the indicators. */
    private static StoredNow storedNow(Connection c, List<Edit> edits, Map<String, Indicator> indicators) throws SQLException {
        Map<String, String> figures = new HashMap<>();
        Map<String, String> comments = new HashMap<>();
        Map<String, Double> previousYear = new HashMap<>();
        Map<String, Indicator> edited = new HashMap<>();
        for (Edit e : edits) {
            if (e.indicator() == null) {
                continue;
            }
            currentFigure(c, e.indicator(), e.region(), e.year()).ifPresent(f -> figures.put(e.key(), f));
            currentFigure(c, e.indicator(), e.region(), e.year() - 1).flatMap(RoundTripStore::number)
                    .ifPresent(v -> previousYear.put(e.key(), v));
            String comment = CommentRepository.current(c, e.indicator(), e.region(), e.year());
            if (!comment.isEmpty()) {
                comments.put(e.key(), comment);
            }
            Indicator indicator = indicators.get(e.indicator());
            if (indicator != null) {
                edited.put(e.indicator(), indicator);
            }
        }
        return new StoredNow(figures, comments, edited, previousYear);
    }

    private static Optional<Double> number(String figure) {
        return Status.fromSymbol(figure).isPresent() ? Optional.empty() : Optional.of(Double.valueOf(figure));
    }

    private static Optional<String> currentFigure(Connection c, String indicator, String region, int year) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select num_value, status from observation where indicator_id = ?"
                + " and region_code = ? and ref_year = ? order by revision desc")) {
            s.setString(1, indicator);
            s.setString(2, region);
            s.setInt(3, year);
            s.setMaxRows(1);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                BigDecimal value = r.getBigDecimal(1);
                return Optional.of(value != null ? CellProvenance.canonical(value.doubleValue()) : r.getString(2));
            }
        }
    }

    /** Stores the file, its edits, the applied corrections and comments, in the caller's transaction; answers the upload's public id. */
    private String save(Connection c, UploadHeader header, byte[] content, List<Decision> decisions) throws SQLException {
        Long importId = applyCorrections(c, header, decisions);
        String publicId = newPublicId();
        long uploadId = insertUpload(c, publicId, header, content, importId);
        int seq = 0;
        int commentsWritten = 0;
        for (Decision d : decisions) {
            insertEdit(c, uploadId, ++seq, d);
            if (d.outcome() == Decision.Outcome.APPLIED && d.edit().kind() == Edit.Kind.COMMENT) {
                insertComment(c, d.edit(), uploadId);
                commentsWritten++;
            }
        }
        if (commentsWritten > 0) {
            logComments(c, source(header), header.checksum(), commentsWritten);
        }
        return publicId;
    }

    /** 128 random bits, URL-safe: an upload's address must not be found by counting. */
    private static String newPublicId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Long applyCorrections(Connection c, UploadHeader header, List<Decision> decisions) throws SQLException {
        List<ObservationRow> rows = new ArrayList<>();
        for (Decision d : decisions) {
            Edit e = d.edit();
            if (d.outcome() == Decision.Outcome.APPLIED && e.kind() == Edit.Kind.VALUE) {
                rows.add(new ObservationRow(e.indicator(), e.region(), e.region(), e.year(), figure(e), source(header),
                        "Rettet i " + e.sheet() + "!" + e.cell() + " (forrige verdi " + e.oldText() + ")"
                                + (header.senderNote() == null ? "" : "; avsender oppgitt som '" + header.senderNote() + "'")));
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        return writer.write(c, new ImportBatch(CORRECTION, source(header), header.checksum(), Vintage.FINAL, rows, List.of(), 0))
                .importId();
    }

    private static Figure figure(Edit e) {
        return e.newNumber() != null ? Figure.of(e.newNumber())
                : Figure.missing(Status.fromSymbol(e.newText()).orElseThrow(() -> new IllegalStateException(
                        "Applied edit without number or status: " + e)));
    }

    /** A correction's recorded source: the file and who sent it as the service knows them, never the free-text sender. */
    private static String source(UploadHeader header) {
        return header.fileName() + " (" + header.sender() + ")";
    }

    private long insertUpload(Connection c, String publicId, UploadHeader h, byte[] content, Long importId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into workbook_upload (checksum, file_name, sender, received_at,"
                + " template_id, template_version, region_code, report_year, made_at, filled_revision, import_id, content,"
                + " public_id, sender_note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, h.checksum());
            s.setString(2, h.fileName());
            s.setString(3, h.sender());
            s.setTimestamp(4, Timestamp.from(h.receivedAt()));
            s.setString(5, h.templateId());
            s.setString(6, h.templateVersion());
            s.setString(7, h.region());
            s.setInt(8, h.year());
            s.setTimestamp(9, Timestamp.from(h.madeAt()));
            s.setLong(10, h.filledRevision());
            if (importId == null) {
                s.setNull(11, Types.BIGINT);
            } else {
                s.setLong(11, importId);
            }
            s.setBytes(12, content);
            s.setString(13, publicId);
            s.setString(14, h.senderNote());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The audit keeps a text to its column's width, marked "…" where cut; the file itself is kept whole. */
    private static String fitted(String text, int width) {
        return text == null || text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static void insertEdit(Connection c, long uploadId, int seq, Decision d) throws SQLException {
        Edit e = d.edit();
        try (PreparedStatement s = c.prepareStatement("insert into workbook_edit (upload_id, seq, kind, sheet, cell,"
                + " indicator_id, region_code, ref_year, old_text, new_text, outcome, stored_now, reason)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, uploadId);
            s.setInt(2, seq);
            s.setString(3, e.kind().name());
            s.setString(4, e.sheet());
            s.setString(5, e.cell());
            s.setString(6, e.indicator());
            s.setString(7, e.region());
            if (e.indicator() == null) {
                s.setNull(8, Types.INTEGER);
            } else {
                s.setInt(8, e.year());
            }
            s.setString(9, fitted(e.oldText(), AUDIT_TEXT_LENGTH));
            s.setString(10, fitted(e.newText(), AUDIT_TEXT_LENGTH));
            s.setString(11, d.outcome().name());
            s.setString(12, fitted(d.storedNow(), AUDIT_TEXT_LENGTH));
            s.setString(13, fitted(d.reason(), AUDIT_REASON_LENGTH));
            s.executeUpdate();
        }
    }

    /**
     * Comments are part of what the profile and the workbooks show, so writing them moves the data revision like any
     * changed figure (cached answers key on it): an import-log entry of kind {@code comment}.
     */
    private void logComments(Connection c, String source, String checksum, int count) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into import_log (kind, source_name, checksum, vintage, imported_at,"
                + " rows_read, rows_added, rows_changed, rows_unchanged, rows_rejected) values (?, ?, ?, ?, ?, ?, 0, ?, 0, 0)")) {
            s.setString(1, COMMENT);
            s.setString(2, source);
            s.setString(3, checksum);
            s.setString(4, Vintage.FINAL.code());
            s.setTimestamp(5, Timestamp.from(clock.instant()));
            s.setInt(6, count);
            s.setInt(7, count);
            s.executeUpdate();
        }
    }

    private void insertComment(Connection c, Edit e, long uploadId) throws SQLException {
        CommentRepository.write(c, e.indicator(), e.region(), e.year(), e.newText(), uploadId, clock.instant());
    }

    public Optional<StoredUpload> upload(String publicId) {
        return database.read(c -> upload(c, publicId));
    }

    private static Optional<StoredUpload> upload(Connection c, String publicId) throws SQLException {
        UploadHeader header;
        long id;
        long size;
        Long importId;
        try (PreparedStatement s = c.prepareStatement("select checksum, file_name, sender, received_at, template_id,"
                + " template_version, region_code, report_year, made_at, filled_revision, import_id, octet_length(content), id,"
                + " sender_note from workbook_upload where public_id = ?")) {
            s.setString(1, publicId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                header = new UploadHeader(r.getString(1), r.getString(2), r.getString(3), r.getString(14), r.getTimestamp(4).toInstant(),
                        r.getString(5), r.getString(6), r.getString(7), r.getInt(8), r.getTimestamp(9).toInstant(), r.getLong(10));
                long imported = r.getLong(11);
                importId = r.wasNull() ? null : imported;
                size = r.getLong(12);
                id = r.getLong(13);
            }
        }
        List<StoredUpload.StoredEdit> edits = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select seq, kind, sheet, cell, indicator_id, region_code, ref_year,"
                + " old_text, new_text, outcome, stored_now, reason, undone_at from workbook_edit where upload_id = ?"
                + " order by seq")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int year = r.getInt(7);
                    Integer refYear = r.wasNull() ? null : year;
                    boolean undone = r.getTimestamp(13) != null;
                    edits.add(new StoredUpload.StoredEdit(r.getInt(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), refYear, r.getString(8), r.getString(9), r.getString(10),
                            r.getString(11), r.getString(12), undone));
                }
            }
        }
        return Optional.of(new StoredUpload(publicId, id, header, size, importId, edits));
    }

    public Optional<byte[]> content(String publicId) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("select content from workbook_upload where public_id = ?")) {
                s.setString(1, publicId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Takes back an applied correction or comment: the previous value becomes the current one again (as a new revision,
     * so the correction stays in the history). Decided in the write transaction, against what is committed: refused when
     * the edit was not applied, is undone already, or the figure changed again since.
     *
     * @return the upload as it is after the undo
     */
    public StoredUpload undo(String publicId, int seq) {
        return database.inTransaction(c -> {
            StoredUpload upload = upload(c, publicId).orElseThrow(() -> UndoRefusal.noUpload(publicId));
            StoredUpload.StoredEdit edit = upload.edits().stream().filter(e -> e.seq() == seq).findFirst()
                    .orElseThrow(() -> UndoRefusal.noEdit(publicId, seq));
            Edit asEdit = new Edit(Edit.Kind.valueOf(edit.kind()), edit.sheet(), edit.cell(), edit.indicator(), edit.region(),
                    edit.year() == null ? 0 : edit.year(), edit.newText(), edit.oldText(),
                    Status.fromSymbol(edit.oldText()).isPresent() || edit.oldText().isEmpty() ? null : Double.valueOf(edit.oldText()));
            StoredNow now = storedNow(c, List.of(asEdit), Map.of());
            UndoRefusal.check(publicId, edit, asEdit.kind() == Edit.Kind.VALUE ? now.figures().get(asEdit.key())
                    : now.comments().getOrDefault(asEdit.key(), ""));
            Long importId = null;
            if (asEdit.kind() == Edit.Kind.VALUE) {
                ObservationRow row = new ObservationRow(asEdit.indicator(), asEdit.region(), asEdit.region(), asEdit.year(),
                        figure(asEdit), "Angret rettelse fra " + upload.header().fileName(),
                        "Angret " + edit.sheet() + "!" + edit.cell() + " (tilbake til " + edit.oldText() + ")");
                importId = writer.write(c, new ImportBatch(UNDO, "angret rettelse " + publicId + "/" + edit.seq(),
                        upload.header().checksum(), Vintage.FINAL, List.of(row), List.of(), 0)).importId();
            } else {
                insertComment(c, asEdit, upload.internalId());
                logComments(c, "angret kommentar " + publicId + "/" + edit.seq(), upload.header().checksum(), 1);
            }
            try (PreparedStatement s = c.prepareStatement(
                    "update workbook_edit set undone_import_id = ?, undone_at = ? where upload_id = ? and seq = ?")) {
                if (importId == null) {
                    s.setNull(1, Types.BIGINT);
                } else {
                    s.setLong(1, importId);
                }
                s.setTimestamp(2, Timestamp.from(clock.instant()));
                s.setLong(3, upload.internalId());
                s.setInt(4, edit.seq());
                s.executeUpdate();
            }
            return upload(c, publicId).orElseThrow();
        });
    }
}
