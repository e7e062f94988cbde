package no.kostra.service;

import java.time.Clock;
import no.kostra.store.AnalysisRepository;
import no.kostra.store.Database;

/** The analysis use cases (issue 4), built on one database: comparisons, series, efficiency, splits, accounts, Kommunebarometeret. */
public final class AnalysisServices {
    private final ComparisonService comparisons;
    private final EfficiencyService efficiency;
    private final SeriesService series;
    private final ReferenceDataService referenceData;
    private final SplitService splits;
    private final AccountsService accounts;
    private final KommunebarometerService kommunebarometer;

    AnalysisServices(Database database, CatalogService catalogs, Clock clock) {
        AnalysisRepository repository = new AnalysisRepository(database);
        this.comparisons = new ComparisonService(catalogs, repository);
        this.efficiency = new EfficiencyService(catalogs, repository);
        this.series = new SeriesService(catalogs, repository);
        this.referenceData = new ReferenceDataService(database, catalogs, clock);
        this.splits = new SplitService(catalogs, repository);
        this.accounts = new AccountsService(repository);
        this.kommunebarometer = new KommunebarometerService(repository);
    }

    public ComparisonService comparisons() {
        return comparisons;
    }

    public SeriesService series() {
        return series;
    }

    public AccountsService accounts() {
        return accounts;
    }

    public SplitService splits() {
        return splits;
    }

    public ReferenceDataService referenceData() {
        return referenceData;
    }

    public EfficiencyService efficiency() {
        return efficiency;
    }

    public KommunebarometerService kommunebarometer() {
        return kommunebarometer;
    }
}
