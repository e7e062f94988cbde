package no.kostra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import no.kostra.observation.Vintage;

/**
 * Every figure one import replaced, read back from the stored revisions: a revision written by the import beside the
 * revision before it, a value change or a vintage change ({@link FigureChange#kind}). Nothing is kept twice; an import's
 * change report can be asked for at any time.
 */
public final class ChangeRepository {
    private final Database database;

    public ChangeRepository(Database database) {
        this.database = database;
    }

    /** The import's changes, municipality figures first, each in key order. Empty for an import that changed nothing. */
    public List<FigureChange> changesOf(long importId) {
        return database.read(c -> {
            List<FigureChange> out = new ArrayList<>();
            read(c, "select o.indicator_id, o.region_code, o.ref_year, null, p.num_value, p.status, p.vintage, p.source,"
                    + " o.num_value, o.status, o.vintage, o.source from observation o join observation p on p.indicator_id = o.indicator_id"
                    + " and p.region_code = o.region_code and p.ref_year = o.ref_year and p.revision = o.revision - 1"
                    + " where o.import_id = ? order by o.indicator_id, o.region_code, o.ref_year", importId, out);
            read(c, "select o.indicator_id, o.group_code, o.ref_year, o.statistic, p.num_value, p.status, p.vintage, p.source,"
                    + " o.num_value, o.status, o.vintage, o.source from group_statistic o join group_statistic p on p.indicator_id = o.indicator_id"
                    + " and p.group_code = o.group_code and p.ref_year = o.ref_year and p.statistic = o.statistic"
                    + " and p.revision = o.revision - 1"
                    + " where o.import_id = ? order by o.indicator_id, o.group_code, o.ref_year, o.statistic", importId, out);
            return out;
        });
    }

    /** Whether the import is in the log. */
    public boolean exists(long importId) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("select count(*) from import_log where id = ?")) {
                s.setLong(1, importId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1) > 0;
                }
            }
        });
    }

    private static void read(Connection c, String sql, long importId, List<FigureChange> out) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, importId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(FigureChange.of(r.getString(1), r.getString(2), r.getInt(3), r.getString(4),
                            FigureRepository.figure(r.getBigDecimal(5), r.getString(6)), r.getString(7), r.getString(8),
                            FigureRepository.figure(r.getBigDecimal(9), r.getString(10)), Vintage.fromCode(r.getString(11)),
                            r.getString(12)));
                }
            }
        }
    }
}
