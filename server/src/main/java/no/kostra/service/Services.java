package no.kostra.service;

import java.time.Clock;
import java.util.Optional;
import no.kostra.ingest.Importer;
import no.kostra.ingest.SeedFiles;
import no.kostra.ingest.SeedImporter;
import no.kostra.auth.ApiTokens;
import no.kostra.store.AnalysisRepository;
import no.kostra.store.AuditLog;
import no.kostra.store.CatalogRepository;
import no.kostra.store.CommentRepository;
import no.kostra.store.Database;
import no.kostra.store.DatabaseSettings;
import no.kostra.store.FigureRepository;
import no.kostra.store.ImportResult;
import no.kostra.store.ImportWriter;
import no.kostra.workbook.ReportService;
import no.kostra.workbook.SeriesGatherer;
import no.kostra.workbook.SigningKeys;
import no.kostra.workbook.powerquery.DataTables;
import no.kostra.workbook.powerquery.RefreshableReports;
import no.kostra.workbook.TemplateFiles;
import no.kostra.workbook.design.TemplateDesigner;
import no.kostra.workbook.roundtrip.RoundTripService;
import no.kostra.workbook.roundtrip.RoundTripStore;

/**
 * The composition root: one database and everything built on it. The command line and the tests build the service
 * the same way, through {@link #open}. Closing it closes the database.
 */
public final class Services implements AutoCloseable {
    private final Database database;
    private final Clock clock;
    private final FigureRepository figures;
    private final CatalogService catalogs;
    private final ProfileService profiles;
    private final ImportWriter importWriter;
    private final ReportService reports;
    private final RoundTripService roundTrip;
    private final AnalysisServices analysis;
    private final DataTables dataTables;
    private final RefreshableReports refreshableReports;

    private Services(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.figures = new FigureRepository(database);
        this.catalogs = new CatalogService(new CatalogRepository(database), figures);
        CommentRepository comments = new CommentRepository(database);
        this.profiles = new ProfileService(catalogs, figures, comments, new AnalysisRepository(database));
        this.importWriter = new ImportWriter(database, clock);
        this.analysis = new AnalysisServices(database, catalogs, clock);
        SigningKeys signingKeys = new SigningKeys(database, clock);
        TemplateFiles templates = new TemplateFiles(TemplateFiles.PACKAGED, new TemplateDesigner()::bytes);
        this.reports = new ReportService(catalogs, profiles, figures, analysis, signingKeys, templates, clock);
        this.dataTables = new DataTables(catalogs, profiles, new SeriesGatherer(figures), analysis.efficiency(), analysis.splits());
        this.refreshableReports = new RefreshableReports(clock);
        this.roundTrip = new RoundTripService(catalogs, figures, signingKeys, reports,
                new RoundTripStore(database, importWriter, clock), comments, clock);
    }

    public static Services open(DatabaseSettings settings, Clock clock) {
        return new Services(Database.open(settings), clock);
    }

    /** Opens the services and loads the packaged seeds unless they were loaded before: what every command starts with. */
    public static Services openSeeded(DatabaseSettings settings, Clock clock) {
        Services services = open(settings, clock);
        services.loadSeeds(SeedFiles.fromClasspath());
        return services;
    }

    /** Loads the packaged seeds unless these exact seeds were loaded before. */
    public Optional<ImportResult> loadSeeds(SeedFiles seeds) {
        return new SeedImporter(database, importWriter, clock).loadIfNew(seeds);
    }

    public Database database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    public FigureRepository figures() {
        return figures;
    }

    public CatalogService catalogs() {
        return catalogs;
    }

    public ProfileService profiles() {
        return profiles;
    }

    public AnalysisServices analysis() {
        return analysis;
    }

    public ImportWriter importWriter() {
        return importWriter;
    }

    public ReportService reports() {
        return reports;
    }

    /** The tables report workbooks hold, each as one flat table (the data routes, refreshable workbooks). */
    public DataTables dataTables() {
        return dataTables;
    }

    /** Filled reports made to refresh themselves from the data routes (Power Query). */
    public RefreshableReports refreshableReports() {
        return refreshableReports;
    }

    /** Returned workbooks: read back, decide and store the edits. */
    public RoundTripService roundTrip() {
        return roundTrip;
    }

    /** Personal API tokens: made, listed, revoked, and checked per request when the service runs with tokens. */
    public ApiTokens apiTokens() {
        return new ApiTokens(database, clock);
    }

    /** Who changed what, when and from where. */
    public AuditLog auditLog() {
        return new AuditLog(database);
    }

    /** File imports (JSON-stat, CSV, xlsx, catalogue tables) against the current catalogue. */
    public Importer importer() {
        return new Importer(database, importWriter, catalogs::current, clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
