package no.kostra.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.kostra.observation.Figure;
import no.kostra.observation.Vintage;

/** Reads a series with every stored revision, so an earlier vintage stays queryable after a later one arrived. */
public final class RevisionRepository {
    private final Database database;

    public RevisionRepository(Database database) {
        this.database = database;
    }

    /**
     * One stored version of a figure. {@code reportedCode} is the municipality number the source used; the import that
     * wrote it is named by its number, file (or update) and time.
     */
    public record StoredRevision(int year, int revision, String reportedCode, Figure figure, Vintage vintage, String source,
                                 long importId, String importName, Instant importedAt) {
    }

    /** Every revision of one indicator for one region (canonical code), by year, then revision. */
    public List<StoredRevision> history(String indicatorId, String region) {
        return database.read(c -> {
            List<StoredRevision> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select o.ref_year, o.revision, o.reported_code, o.num_value, o.status,"
                    + " o.vintage, o.source, o.import_id, l.source_name, l.imported_at from observation o"
                    + " join import_log l on l.id = o.import_id"
                    + " where o.indicator_id = ? and o.region_code = ? order by o.ref_year, o.revision")) {
                s.setString(1, indicatorId);
                s.setString(2, region);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new StoredRevision(r.getInt(1), r.getInt(2), r.getString(3),
                                FigureRepository.figure(r.getBigDecimal(4), r.getString(5)), Vintage.fromCode(r.getString(6)),
                                r.getString(7), r.getLong(8), r.getString(9), r.getTimestamp(10).toInstant()));
                    }
                }
            }
            return out;
        });
    }
}
