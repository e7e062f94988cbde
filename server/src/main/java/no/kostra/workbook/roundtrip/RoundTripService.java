package no.kostra.workbook.roundtrip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import no.kostra.auth.Caller;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.Region;
import no.kostra.errors.InvalidInputException;
import no.kostra.service.CatalogService;
import no.kostra.service.Product;
import no.kostra.store.CommentRepository;
import no.kostra.store.FigureRepository;
import no.kostra.store.WriteActor;
import no.kostra.workbook.ProvenanceHeader;
import no.kostra.workbook.ProvenanceSheet;
import no.kostra.workbook.ProvenanceSigner;
import no.kostra.workbook.ReportTemplate;
import no.kostra.workbook.ReportService;
import no.kostra.workbook.SigningKeys;
import no.kostra.workbook.TemplateWorkbook;

/**
 * Receives a returned workbook: checks that the service made it and that nobody changed its provenance, finds every
 * edit, decides each, and (unless it is a dry run, or the same file came before) stores the file, the decisions and
 * the accepted edits in one transaction.
 */
public final class RoundTripService {
    /** Who sent a file when neither a caller nor the command line is known (a direct call). */
    static final String UNKNOWN_SENDER = "ukjent avsender";

    private final CatalogService catalogs;
    private final FigureRepository figures;
    private final SigningKeys signingKeys;
    private final ReportService reports;
    private final RoundTripStore store;
    private final CommentRepository comments;
    private final Clock clock;

    public RoundTripService(CatalogService catalogs, FigureRepository figures, SigningKeys signingKeys,
                            ReportService reports, RoundTripStore store, CommentRepository comments, Clock clock) {
        this.catalogs = catalogs;
        this.figures = figures;
        this.signingKeys = signingKeys;
        this.reports = reports;
        this.store = store;
        this.comments = comments;
        this.clock = clock;
    }

    /**
     * @param sender         the sender as the person wrote it: a note beside the recorded sender ({@link UploadHeader}),
     *                       never the figures' source
     * @param expectedRegion the municipality the file is sent in for (null when not said): a workbook made for another
     *                       one is refused
     */
    public UploadReport receive(String fileName, byte[] bytes, String sender, String expectedRegion, boolean dryRun) {
        return receive(fileName, bytes, sender, expectedRegion, dryRun, false, null);
    }

    /**
     * As {@link #receive(String, byte[], String, String, boolean)}, for a caller who may edit only some municipalities.
     *
     * @param acceptOutliers the person confirmed the upload: figures the plausibility rule doubts are stored too
     */
    public UploadReport receive(String fileName, byte[] bytes, String sender, String expectedRegion, boolean dryRun,
                                boolean acceptOutliers, Caller caller) {
        requireFits(fileName, sender);
        String checksum = sha256(bytes);
        try (ReturnedWorkbook workbook = ReturnedWorkbook.open(fileName, bytes)) {
            ProvenanceSheet.Provenance provenance = workbook.provenance().orElseThrow(() -> new InvalidInputException(
                    fileName + " er ikke laget av " + Product.NAME + " (arbeidsboken har ikke tjenestens proveniensark)",
                    Map.of("file", fileName)));
            ProvenanceHeader header = verified(fileName, provenance);
            Catalog catalog = catalogs.current();
            Region region = catalog.findRegion(header.region()).orElseThrow(() -> new InvalidInputException(
                    fileName + " er laget for region " + header.region() + ", som tjenesten ikke kjenner", Map.of("file", fileName)));
            if (expectedRegion != null && !expectedRegion.isBlank()) {
                Region expected = catalog.requireRegion(expectedRegion);
                if (!expected.code().equals(region.code())) {
                    throw new InvalidInputException(fileName + " er laget for " + region.name() + " (" + region.code()
                            + "), ikke for " + expected.name() + " (" + expected.code() + ")",
                            Map.of("file", fileName, "madeFor", region.code(), "sentFor", expected.code()));
                }
            }
            List<Edit> edits = workbook.readBack(provenance).edits();
            WriteRights.check(caller, catalog, region, edits);
            UploadHeader upload = new UploadHeader(checksum, fileName,
                    WriteActor.current().map(WriteActor::actor).orElse(UNKNOWN_SENDER), sender, clock.instant(), header.templateId(), header.templateVersion(), region.code(), header.year(),
                    header.madeAt(), header.dataRevision());
            Map<String, Indicator> indicators = new HashMap<>();
            catalog.indicators().forEach(i -> indicators.put(i.id(), i));
            RoundTripStore.Received received = dryRun ? store.decideOnly(checksum, edits, indicators, acceptOutliers)
                    : store.receive(upload, bytes, edits, indicators, acceptOutliers);
            return UploadReport.of(received, dryRun, upload, figures.dataRevision());
        }
    }

    /** The provenance must be signed by this install's key, intact, and from a template version that still exists. */
    private ProvenanceHeader verified(String fileName, ProvenanceSheet.Provenance provenance) {
        ProvenanceHeader header = provenance.header();
        ProvenanceSigner signer = signingKeys.find(header.keyId()).orElseThrow(() -> new InvalidInputException(
                fileName + " er signert med en nøkkel denne tjenesten ikke har (" + header.keyId() + ")", Map.of("file", fileName)));
        if (!provenance.isIntact(signer)) {
            throw new InvalidInputException("Proveniensen i " + fileName + " er endret (kontrollsummen stemmer ikke);"
                    + " arbeidsboken kan ikke brukes til å lagre endringer", Map.of("file", fileName));
        }
        ReportTemplate template = reports.templates().find(header.templateId()).orElseThrow(() -> new InvalidInputException(
                fileName + " er laget fra malen '" + header.templateId() + "', som ikke finnes lenger", Map.of("file", fileName)));
        String current;
        try (TemplateWorkbook packaged = reports.open(template)) {
            current = packaged.version();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!current.equals(header.templateVersion())) {
            throw new InvalidInputException(fileName + " er laget fra versjon " + header.templateVersion() + " av malen '"
                    + template.title() + "', som ikke finnes lenger (gjeldende versjon er " + current + ")",
                    Map.of("file", fileName, "templateVersion", String.valueOf(header.templateVersion()), "current", current));
        }
        return header;
    }

    /** The names kept with an upload have the width of their columns; a longer one is the sender's to shorten. */
    private static void requireFits(String fileName, String sender) {
        if (fileName != null && fileName.length() > UploadHeader.MAX_FILE_NAME_LENGTH) {
            throw new InvalidInputException("Filnavnet er på " + fileName.length() + " tegn; gi filen et navn på høyst "
                    + UploadHeader.MAX_FILE_NAME_LENGTH + " tegn og send den på nytt", Map.of("field", "name"));
        }
        if (sender != null && sender.length() > UploadHeader.MAX_SENDER_LENGTH) {
            throw new InvalidInputException("Avsenderen er på " + sender.length() + " tegn; skriv et navn på høyst "
                    + UploadHeader.MAX_SENDER_LENGTH + " tegn", Map.of("field", "sender"));
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public StoredUpload upload(String id) {
        return store.upload(id).orElseThrow(() -> UndoRefusal.noUpload(id));
    }

    public byte[] content(String id) {
        return store.content(id).orElseThrow(() -> UndoRefusal.noUpload(id));
    }

    /** Takes back an applied edit; refused when it was not applied, is undone already, or the figure changed again. */
    public StoredUpload undo(String id, int seq) {
        return undo(id, seq, null);
    }

    /** As {@link #undo(String, int)}, for a caller who may edit only some municipalities. */
    public StoredUpload undo(String id, int seq, Caller caller) {
        if (caller != null) {
            upload(id).edits().stream().filter(e -> e.seq() == seq).findFirst()
                    .ifPresent(edit -> WriteRights.checkUndo(caller, catalogs.current(), edit));
        }
        return store.undo(id, seq);
    }

    /** A region's current comments for a year: indicator id → text. */
    public Map<String, String> comments(String region, int year) {
        return comments.current(catalogs.current().requireRegion(region).code(), year);
    }
}
