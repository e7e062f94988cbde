package no.kostra.ingest.update;

import java.util.List;
import no.kostra.ingest.ImportReport;

/**
 * What an update did: the tables asked, the figures it made and how the one import took them. The figures it
 * replaced (before and after, each with its source) and those replaced from another source are in the import
 * report's {@code changes} and {@code conflicts}; {@code GET /api/imports/{importId}/changes} lists all of them.
 *
 * @param calls       calls made to StatBank (metadata and data; the tables' cells over the cell limit are the fewest
 *                    data calls it allows)
 * @param figures     figures made from the fetched series (read = figures the import was handed)
 * @param incomplete  ratios left out because one of the two series had no figure for that region and year (07459
 *                    has no KOSTRA groups, so per-inhabitant ratios of groups are left to SSB's own tables)
 * @param unverifiedSources how many of the sources used are not marked verified in indicator_sources.csv
 */
public record UpdateSummary(int year, String vintage, List<Integer> years, List<String> indicators, List<Table> tables,
                            int calls, int regions, int figures, int incomplete, int unverifiedSources, long importId, int read,
                            int added, int changed, int unchanged, int rejected, long dataRevision, ImportReport report) {
    public UpdateSummary {
        years = List.copyOf(years);
        indicators = List.copyOf(indicators);
        tables = List.copyOf(tables);
    }

    /**
     * One table fetched: in how many pieces (one call each, unless it came from the cache), and the cells they selected
     * (the product of the categories selected of each variable, summed over the pieces).
     */
    public record Table(String table, int pieces, int fromCache, long cells) {
    }
}
