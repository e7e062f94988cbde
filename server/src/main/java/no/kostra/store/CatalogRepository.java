package no.kostra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.CodeChange;
import no.kostra.catalog.GroupMembership;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.MeanKind;
import no.kostra.catalog.ProfileDefinition;
import no.kostra.catalog.ProfileEntry;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionKind;
import no.kostra.catalog.Unit;

/** Reads the catalogue as one snapshot and writes catalogue entries (insert or update by key). */
public final class CatalogRepository {
    private final Database database;

    public CatalogRepository(Database database) {
        this.database = database;
    }

    public Catalog load() {
        return database.read(c -> new Catalog(regions(c), codeChanges(c), memberships(c), profiles(c), indicators(c), profileEntries(c)));
    }

    private static List<Region> regions(Connection c) throws SQLException {
        List<Region> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select code, name, kind from region order by code");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new Region(r.getString(1), r.getString(2), RegionKind.fromCode(r.getString(3))));
            }
        }
        return out;
    }

    private static List<CodeChange> codeChanges(Connection c) throws SQLException {
        List<CodeChange> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select old_code, new_code, first_year_of_new_code, old_name from region_code_change"
                + " order by first_year_of_new_code, new_code, old_code");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new CodeChange(r.getString(1), r.getString(2), r.getInt(3), r.getString(4)));
            }
        }
        return out;
    }

    private static List<GroupMembership> memberships(Connection c) throws SQLException {
        List<GroupMembership> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select group_code, member_code, from_year, to_year from group_member");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                int to = r.getInt(4);
                Integer toYear = r.wasNull() ? null : to; // wasNull speaks of the last column read: read it here
                out.add(new GroupMembership(r.getString(1), r.getString(2), r.getInt(3), toYear));
            }
        }
        return out;
    }

    private static List<ProfileDefinition> profiles(Connection c) throws SQLException {
        List<ProfileDefinition> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select code, area, area_title, title, sort_order,"
                + " sheet_title, resource_indicator, barometer_sector from service_profile");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new ProfileDefinition(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5),
                        r.getString(6), r.getString(7), r.getString(8)));
            }
        }
        return out;
    }

    private static List<Indicator> indicators(Connection c) throws SQLException {
        List<Indicator> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, area, sort_order, name, unit, decimals, mean_kind, higher_is_more,"
                + " source, weight_indicator, short_name from indicator");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new Indicator(r.getString(1), r.getString(2), r.getInt(3), r.getString(4), Unit.fromCode(r.getString(5)),
                        r.getInt(6), MeanKind.fromCode(r.getString(7)), r.getBoolean(8), r.getString(9), r.getString(10),
                        r.getString(11)));
            }
        }
        return out;
    }

    private static List<ProfileEntry> profileEntries(Connection c) throws SQLException {
        List<ProfileEntry> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select profile_code, first_year, last_year, sort_order, category,"
                + " indicator_id, mean_kind, printed_name from profile_row order by profile_code, first_year, sort_order");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                int last = r.getInt(3);
                Integer lastYear = r.wasNull() ? null : last; // wasNull speaks of the last column read: read it here
                out.add(new ProfileEntry(r.getString(1), r.getInt(2), lastYear, r.getInt(4), r.getString(5), r.getString(6),
                        MeanKind.fromCode(r.getString(7)), r.getString(8)));
            }
        }
        return out;
    }

    /** Writes the whole catalogue in the caller's transaction; existing entries are updated, none are deleted. */
    public static void save(Connection c, Catalog catalog) throws SQLException {
        for (Region region : catalog.regions()) {
            upsert(c, "update region set name = ?, kind = ? where code = ?",
                    "insert into region (name, kind, code) values (?, ?, ?)",
                    region.name(), region.kind().code(), region.code());
        }
        for (CodeChange change : catalog.codeChanges()) {
            upsert(c, "update region_code_change set first_year_of_new_code = ?, old_name = ? where old_code = ? and new_code = ?",
                    "insert into region_code_change (first_year_of_new_code, old_name, old_code, new_code) values (?, ?, ?, ?)",
                    change.firstYearOfNewCode(), change.oldName(), change.oldCode(), change.newCode());
        }
        for (GroupMembership m : catalog.memberships()) {
            upsert(c, "update group_member set to_year = ? where group_code = ? and member_code = ? and from_year = ?",
                    "insert into group_member (to_year, group_code, member_code, from_year) values (?, ?, ?, ?)",
                    m.toYear(), m.group(), m.member(), m.fromYear());
        }
        for (ProfileDefinition p : catalog.profiles()) {
            upsert(c, "update service_profile set area = ?, area_title = ?, title = ?, sort_order = ?, sheet_title = ?,"
                            + " resource_indicator = ?, barometer_sector = ? where code = ?",
                    "insert into service_profile (area, area_title, title, sort_order, sheet_title, resource_indicator,"
                            + " barometer_sector, code) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    p.area(), p.areaTitle(), p.title(), p.sortOrder(), p.sheetTitle(), p.resourceIndicator(), p.barometerSector(),
                    p.code());
        }
        for (Indicator i : catalog.indicators()) {
            upsert(c, "update indicator set area = ?, sort_order = ?, name = ?, unit = ?, decimals = ?, mean_kind = ?,"
                            + " higher_is_more = ?, source = ?, weight_indicator = ?, short_name = ? where id = ?",
                    "insert into indicator (area, sort_order, name, unit, decimals, mean_kind, higher_is_more, source,"
                            + " weight_indicator, short_name, id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    i.area(), i.sortOrder(), i.name(), i.unit().code(), i.decimals(), i.meanKind().code(), i.higherIsMore(), i.source(),
                    i.weightIndicator(), i.shortName(), i.id());
        }
        for (ProfileEntry e : catalog.profileEntries()) {
            upsert(c, "update profile_row set last_year = ?, sort_order = ?, category = ?, mean_kind = ?, printed_name = ?"
                            + " where profile_code = ? and first_year = ? and indicator_id = ?",
                    "insert into profile_row (last_year, sort_order, category, mean_kind, printed_name, profile_code, first_year,"
                            + " indicator_id) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    e.lastYear(), e.sort(), e.category(), e.meanKind().code(), e.name(), e.profile(), e.firstYear(), e.indicator());
        }
    }

    /** Update by key; insert when no row has the key. Both statements take the same parameters, key last. */
    private static void upsert(Connection c, String update, String insert, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(update)) {
            bind(s, params);
            if (s.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement(insert)) {
            bind(s, params);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                s.setNull(i + 1, Types.NULL);
            } else {
                s.setObject(i + 1, params[i]);
            }
        }
    }
}
