package no.kostra.workbook.roundtrip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import no.kostra.auth.Caller;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Region;
import no.kostra.errors.ForbiddenException;
import no.kostra.errors.InvalidInputException;
import no.kostra.service.CatalogService;
import no.kostra.service.Product;
import no.kostra.store.CommentRepository;
import no.kostra.store.FigureRepository;
import no.kostra.workbook.ProvenanceHeader;
import no.kostra.workbook.ProvenanceSheet;
import no.kostra.workbook.ProvenanceSigner;
import no.kostra.workbook.ReportTemplate;
import no.kostra.workbook.ReportTemplates;
import no.kostra.workbook.ReportService;
import no.kostra.workbook.SigningKeys;
import no.kostra.workbook.TemplateWorkbook;

/**
 * Receives a returned workbook: checks that the service made it and that nobody changed its provenance, finds every
 * edit, decides each, and (unless it is a dry run, or the same file came before) stores the file, the decisions and
 * the accepted edits in one transaction.
 */
public final class RoundTripService {
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
     * @param expectedRegion the municipality the file is sent in for (null when not said): a workbook made for another
     *                       one is refused
     */
    public UploadReport receive(String fileName, byte[] bytes, String sender, String expectedRegion, boolean dryRun) {
        return receive(fileName, bytes, sender, expectedRegion, dryRun, null);
    }

    /** As {@link #receive(String, byte[], String, String, boolean)}, for a caller who may edit only some municipalities. */
    public UploadReport receive(String fileName, byte[] bytes, String sender, String expectedRegion, boolean dryRun,
                                Caller caller) {
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
            mayEdit(caller, region);
            List<Edit> edits = workbook.readBack(provenance).edits();
            UploadHeader upload = new UploadHeader(checksum, fileName, sender == null || sender.isBlank() ? "ukjent avsender" : sender,
                    clock.instant(), header.templateId(), header.templateVersion(), region.code(), header.year(),
                    header.madeAt(), header.dataRevision());
            RoundTripStore.Received received = dryRun ? store.decideOnly(checksum, edits) : store.receive(upload, bytes, edits);
            return new UploadReport(received.uploadId(), received.alreadyReceived(), dryRun, upload, received.decisions(),
                    UploadReport.Counts.of(received.decisions()), figures.dataRevision());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        ReportTemplate template = ReportTemplates.find(header.templateId()).orElseThrow(() -> new InvalidInputException(
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
            mayEdit(caller, catalogs.current().requireRegion(upload(id).header().region()));
        }
        return store.undo(id, seq);
    }

    private static void mayEdit(Caller caller, Region region) {
        if (caller != null && !caller.mayEdit(region.code())) {
            throw new ForbiddenException("Tokenet '" + caller.name() + "' kan bare endre tall for "
                    + caller.municipality().orElse("") + "; arbeidsboken gjelder " + region.name() + " (" + region.code() + ")",
                    Map.of("region", region.code(), "tokenFor", caller.municipality().orElse("")));
        }
    }

    /** A region's current comments for a year: indicator id → text. */
    public Map<String, String> comments(String region, int year) {
        return comments.current(catalogs.current().requireRegion(region).code(), year);
    }
}
