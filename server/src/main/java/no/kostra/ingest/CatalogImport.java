package no.kostra.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.CodeChange;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.ProfileDefinition;
import no.kostra.catalog.ProfileEntry;
import no.kostra.catalog.Region;
import no.kostra.errors.InvalidInputException;

/**
 * A catalogue table (regions, code changes, group members, service profiles, indicators or profile rows, in the seeds' CSV
 * formats, told apart by the header) merged into the current catalogue: entries are added or replaced by key, none
 * removed. The merged catalogue is checked as a whole before anything is written.
 */
final class CatalogImport {
    private CatalogImport() {
    }

    /** The merged catalogue and what changed. */
    record Merge(Catalog catalog, int read, int added, int changed, int unchanged) {
    }

    static Merge merge(Catalog current, String file, byte[] bytes) {
        String text = CsvFigureReader.decode(bytes);
        String headerLine = text.lines().findFirst().orElse("");
        Set<String> header = Arrays.stream(headerLine.split(",")).map(ImportMapping::normalise).collect(Collectors.toSet());
        CatalogTables.Kind kind = Arrays.stream(CatalogTables.Kind.values()).filter(k -> header.containsAll(k.columns)).findFirst()
                .orElseThrow(() -> new InvalidInputException(file + " linje 1: ukjent katalogtabell; overskriften må være som i en av "
                        + Arrays.stream(CatalogTables.Kind.values()).map(k -> k.fileName + " (" + String.join(",", k.columns) + ")").toList(),
                        Map.of("file", file, "where", "linje 1", "field", "header")));
        try {
            CsvTable table = CsvTable.parse(file, text, Set.copyOf(kind.columns));
            Counter counter = new Counter();
            Map<String, String> lineOf = Map.of();
            Catalog merged = switch (kind) {
                case REGIONS -> new Catalog(counter.merge(current.regions(), CatalogTables.regions(table), Region::code),
                        current.codeChanges(), current.memberships(), current.profiles(), current.indicators(), current.profileEntries());
                case CODE_CHANGES -> new Catalog(current.regions(), counter.merge(current.codeChanges(), CatalogTables.codeChanges(table),
                        CodeChange::key), current.memberships(), current.profiles(), current.indicators(), current.profileEntries());
                case GROUP_MEMBERS -> new Catalog(current.regions(), current.codeChanges(), counter.merge(current.memberships(),
                        CatalogTables.memberships(table), m -> m.group() + "|" + m.member() + "|" + m.fromYear()),
                        current.profiles(), current.indicators(), current.profileEntries());
                case PROFILES -> new Catalog(current.regions(), current.codeChanges(), current.memberships(),
                        counter.merge(current.profiles(), CatalogTables.profiles(table), ProfileDefinition::code), current.indicators(),
                        current.profileEntries());
                case INDICATORS -> new Catalog(current.regions(), current.codeChanges(), current.memberships(), current.profiles(),
                        counter.merge(current.indicators(), CatalogTables.indicators(table), Indicator::id), current.profileEntries());
                case PROFILE_ROWS -> {
                    ProfileRowsTable rows = ProfileRowsTable.read(table);
                    lineOf = rows.lineOf();
                    yield new Catalog(current.regions(), current.codeChanges(), current.memberships(), current.profiles(),
                            current.indicators(), counter.merge(current.profileEntries(), rows.entries(), ProfileEntry::key));
                }
            };
            CatalogTables.checkReferences(merged);
            ProfileRowsTable.check(merged, file, lineOf);
            return new Merge(merged, counter.read, counter.added, counter.changed, counter.unchanged);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage().startsWith(file) ? e.getMessage() : file + ": " + e.getMessage(),
                    Map.of("file", file, "field", kind.fileName));
        }
    }

    private static final class Counter {
        int read;
        int added;
        int changed;
        int unchanged;

        <T> List<T> merge(List<T> current, List<T> incoming, Function<T, String> key) {
            Map<String, T> byKey = new LinkedHashMap<>();
            current.forEach(t -> byKey.put(key.apply(t), t));
            Set<String> seen = new java.util.HashSet<>();
            for (T t : incoming) {
                read++;
                String k = key.apply(t);
                if (!seen.add(k)) {
                    throw new IllegalStateException("nøkkelen " + k + " står to ganger");
                }
                T before = byKey.put(k, t);
                if (before == null) {
                    added++;
                } else if (before.equals(t)) {
                    unchanged++;
                } else {
                    changed++;
                }
            }
            return new ArrayList<>(byKey.values());
        }
    }
}
