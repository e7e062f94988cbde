package no.kostra.ingest.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.IndicatorSource;
import no.kostra.compute.SourceRatio;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.FigureSink;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportMapping;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.ImportReport;
import no.kostra.ingest.Importer;
import no.kostra.ingest.jsonstat.JsonStatParser;
import no.kostra.ingest.ssb.SsbClient;
import no.kostra.observation.Figure;
import no.kostra.store.Database;
import no.kostra.store.SourceRepository;

/**
 * The update for a report year: fetches every indicator that has a source in the catalogue from StatBank (through
 * {@link SsbClient}: PxWebApi v2, splitting, rate limit, cache), computes the ratio indicators
 * ({@link SourceRatio}), and imports everything as one import: all tables are fetched and read before anything is
 * written, so a refused piece or an unreachable StatBank changes nothing. The same update twice changes nothing the
 * second time. Not thread-safe (one update at a time per instance).
 */
public final class Updater {
    /** The word a made-up dataset's {@code source} carries (the local StatBank's answers). */
    static final String SYNTHETIC = "SYNTETISK";
    private final Database database;
    private final Importer importer;
    private final Supplier<Catalog> catalog;

    public Updater(Database database, Importer importer, Supplier<Catalog> catalog) {
        this.database = database;
        this.importer = importer;
        this.catalog = catalog;
    }

    public UpdateSummary run(UpdateRequest request, SsbClient client, UpdateProgress progress) throws InterruptedException {
        Catalog current = catalog.get();
        UpdatePlan plan = UpdatePlan.of(current, database.read(SourceRepository::all), request);
        if (plan.tables().isEmpty()) {
            throw new InvalidInputException("Ingen indikator har en kilde i statistikkbanken; importer indicator_sources.csv"
                    + " (import --format catalog) først", Map.of("year", request.year()));
        }
        SeriesReader.Values values = new SeriesReader.Values();
        List<UpdateSummary.Table> tables = new ArrayList<>();
        MessageDigest identity = sha256();
        java.util.Set<String> labels = new java.util.TreeSet<>();
        int index = 0;
        int callsBefore = client.calls();
        for (UpdatePlan.TableFetch table : plan.tables()) {
            progress.table(index, plan.tables().size(), table.table(), 0);
            List<SsbClient.Fetched> pieces = fetch(client, table);
            progress.table(index, plan.tables().size(), table.table(), 50);
            for (SsbClient.Fetched piece : pieces) {
                identity.update(piece.jsonStat());
                var cube = JsonStatParser.parse(piece.name(), piece.jsonStat());
                if (cube.source() != null && cube.source().toUpperCase(java.util.Locale.ROOT).contains(SYNTHETIC)) {
                    labels.add(cube.source());
                }
                // Only the series of the requests the piece answers: another's categories may be missing from it.
                Map<SeriesId, IndicatorSource> series = new java.util.LinkedHashMap<>();
                piece.requests().forEach(q -> series.put(table.queries().get(q).series(), table.queries().get(q).source()));
                SeriesReader.read(piece.name(), cube, series, values);
            }
            tables.add(new UpdateSummary.Table(table.table(), pieces.size(), (int) pieces.stream().filter(SsbClient.Fetched::fromCache).count(),
                    pieces.stream().mapToLong(SsbClient.Fetched::cells).sum()));
            progress.table(index++, plan.tables().size(), table.table(), 100);
        }
        int calls = client.calls() - callsBefore;
        // Made-up answers (the local StatBank) say so in the figures' source, and so in every table and workbook shown.
        Sources sources = new Sources(labels.isEmpty() ? "SSB statistikkbanken" : String.join("; ", labels));
        Gathered gathered = gather(plan, values, request, id -> current.findIndicator(id).map(i -> i.weightIndicator()).orElse(null),
                new Numbers(current, request.years()), sources);
        progress.importing(gathered.figures.size());
        String tableList = String.join(", ", tables.stream().map(UpdateSummary.Table::table).toList());
        ImportMapping mapping = new ImportMapping(Map.of(), Map.of(), Map.of(), Map.of(), Set.of(), sources.of(tableList));
        ImportReport report = importer.importGathered("ssb-oppdatering-" + request.year(),
                HexFormat.of().formatHex(identity.digest()).getBytes(StandardCharsets.US_ASCII),
                // SSB's own figures may jump for real (a new service, a reorganised function): stored and reported.
                new ImportOptions(ImportFormat.JSON_STAT, null, request.vintage(), mapping).forReportYear(request.year())
                        .acceptOutliers(true),
                sink -> gathered.figures.forEach(f -> f.into(sink)));
        long unverified = plan.indicators().values().stream().flatMap(List::stream).filter(s -> !s.verified()).count();
        return new UpdateSummary(request.year(), request.vintage().code(), request.years(), List.copyOf(plan.indicators().keySet()),
                tables, calls, plan.regionCodes().size(), gathered.figures.size(), gathered.incomplete, (int) unverified,
                report.importId(), report.read(), report.added(), report.changed(), report.unchanged(), report.rejected(),
                report.dataRevision(), report);
    }

    private static List<SsbClient.Fetched> fetch(SsbClient client, UpdatePlan.TableFetch fetch) throws InterruptedException {
        String table = fetch.table();
        try {
            return client.fetch(fetch.requests());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Oppdateringen stoppet ved tabell " + table + ": " + e.getMessage()
                    + " (sjekk indicator_sources.csv)", Map.of("table", table));
        } catch (IOException e) {
            throw new UpdateFailedException("Oppdateringen stoppet ved tabell " + table + ", ingenting er endret: "
                    + (e.getMessage() == null ? "fikk ikke kontakt med statistikkbanken" : e.getMessage()), e);
        }
    }

    /**
     * One figure made by the update, for a municipality (by the number SSB used) or a group: {@code tables} the one
     * it was read from, or the numerator's and denominator's ("12367/07459").
     */
    private record Made(String tables, String statBankRegion, String indicator, int year, Figure figure, String source) {
        void into(FigureSink sink) {
            StatBankRegions.group(statBankRegion).ifPresentOrElse(
                    group -> sink.groupMean(this::where, group, indicator, year, figure, source),
                    () -> sink.observation(this::where, statBankRegion, indicator, year, figure, source));
        }

        String where() {
            return "tabell " + tables + ", region " + statBankRegion + ", år " + year;
        }
    }

    private record Gathered(List<Made> figures, int incomplete) {
    }

    /**
     * Each figure's source: the answers' own label and the table or tables it came from. Stored with every figure, so
     * it names that figure's tables, not every table of the update: the full list (some 120 characters) on each of
     * 40 000 figures made the update's database three times the size of the same figures imported from a file, and
     * its write the slower for it. Made once per table or pair of tables.
     */
    private static final class Sources {
        private final String label;
        private final Map<String, String> byTables = new java.util.HashMap<>();

        Sources(String label) {
            this.label = label;
        }

        String of(String tables) {
            return byTables.computeIfAbsent(tables, t -> label + ", tabell " + t);
        }
    }

    /** What the catalogue says of the region codes StatBank answered for, worked out once per code. */
    private static final class Numbers {
        private final Catalog catalog;
        private final List<Integer> years;
        private final Map<String, Code> codes = new java.util.HashMap<>();

        /** Of one code: whether the update wants its figure for each year asked, and whether it was in use then. */
        private record Code(boolean[] wanted, boolean[] inUse) {
        }

        Numbers(Catalog catalog, List<Integer> years) {
            this.catalog = catalog;
            this.years = years;
        }

        private Code code(String code) {
            return codes.computeIfAbsent(code, c -> {
                boolean group = StatBankRegions.group(c).isPresent();
                boolean today = catalog.findRegion(c).map(r -> r.code().equals(c)).orElse(false);
                boolean[] inUse = new boolean[years.size()];
                boolean[] wanted = new boolean[years.size()];
                for (int y = 0; y < years.size(); y++) {
                    int year = years.get(y);
                    inUse[y] = catalog.findRegion(c).map(r -> catalog.codeInYear(r.code(), year).equals(c)).orElse(false);
                    wanted[y] = group || today || inUse[y];
                }
                return new Code(wanted, inUse);
            });
        }

        /** Whether a municipality number was the one in use that year (a year the update asks for). */
        boolean inUse(String code, int year) {
            int y = years.indexOf(year);
            return y >= 0 && code(code).inUse[y];
        }

        /**
         * Whether the update wants a figure at all: one of a year it asks for, and a group's, or one under the
         * municipality's number of that year or under today's (which SSB back-fills into earlier years; the import
         * decides between the two). A query asks every number for every year, so a former number's years after it
         * ended come back empty ('.'): they are left out rather than handed to the import to be rejected.
         */
        boolean wanted(String code, int year) {
            int y = years.indexOf(year);
            return y >= 0 && code(code).wanted[y];
        }
    }

    /**
     * @param weightOf an indicator's weight indicator in the catalogue, or null: where a ratio's indicator has one, the
     *                 denominator each member's ratio was formed with is stored as that indicator's figure too, so the
     *                 ASSS mean formed from the members before KS publishes is Σ numerators / Σ denominators
     * @param numbers  which figures are wanted, and whether a municipality number was the one in use that year: a
     *                 weight is stored under that one only, not under the numbers SSB back-fills
     */
    private static Gathered gather(UpdatePlan plan, SeriesReader.Values values, UpdateRequest request,
                                   java.util.function.Function<String, String> weightOf, Numbers numbers, Sources sources) {
        List<Made> made = new ArrayList<>();
        java.util.Set<String> weightsMade = new java.util.HashSet<>();
        int incomplete = 0;
        for (Map.Entry<String, List<IndicatorSource>> entry : plan.indicators().entrySet()) {
            String indicator = entry.getKey();
            IndicatorSource value = role(entry.getValue(), IndicatorSource.Role.VALUE);
            if (value != null) {
                String source = sources.of(value.table());
                for (var region : values.of(SeriesId.of(value)).entrySet()) {
                    for (var year : region.getValue().entrySet()) {
                        if (numbers.wanted(region.getKey(), year.getKey())) {
                            made.add(new Made(value.table(), region.getKey(), indicator, year.getKey(),
                                    SourceRatio.scaled(year.getValue(), value.factor()), source));
                        }
                    }
                }
                continue;
            }
            IndicatorSource numerator = role(entry.getValue(), IndicatorSource.Role.NUMERATOR);
            IndicatorSource denominator = role(entry.getValue(), IndicatorSource.Role.DENOMINATOR);
            String tables = numerator.table().equals(denominator.table()) ? numerator.table()
                    : numerator.table() + "/" + denominator.table();
            String source = sources.of(tables);
            String weightSource = sources.of(denominator.table());
            Map<String, Map<Integer, Figure>> below = values.of(SeriesId.of(denominator));
            String weight = weightOf.apply(indicator);
            for (var region : values.of(SeriesId.of(numerator)).entrySet()) {
                Map<Integer, Figure> denominators = below.getOrDefault(region.getKey(), Map.of());
                for (var year : region.getValue().entrySet()) {
                    if (!numbers.wanted(region.getKey(), year.getKey())) {
                        continue;
                    }
                    Figure d = denominators.get(year.getKey());
                    if (d == null) {
                        incomplete++;
                        continue;
                    }
                    made.add(new Made(tables, region.getKey(), indicator, year.getKey(),
                            SourceRatio.of(year.getValue(), numerator.factor(), d, denominator.factor()), source));
                    if (weight != null && StatBankRegions.group(region.getKey()).isEmpty() && d.hasValue()
                            && numbers.inUse(region.getKey(), year.getKey())
                            && weightsMade.add(weight + "|" + region.getKey() + "|" + year.getKey())) {
                        made.add(new Made(denominator.table(), region.getKey(), weight, year.getKey(), d, weightSource));
                    }
                }
            }
        }
        return new Gathered(made, incomplete);
    }

    private static IndicatorSource role(List<IndicatorSource> sources, IndicatorSource.Role role) {
        return sources.stream().filter(s -> s.role() == role).findFirst().orElse(null);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
