package db.migration;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A kept upload is reached by an id nobody can guess: counting the table's sequence numbers must not hand out other
 * people's workbooks. A Java migration because the two databases make random text differently.
 */
public final class V71__Workbook_uploads_get_unguessable_ids extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("alter table workbook_upload add column public_id varchar(32)");
        }
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select id from workbook_upload")) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        SecureRandom random = new SecureRandom();
        try (PreparedStatement s = c.prepareStatement("update workbook_upload set public_id = ? where id = ?")) {
            for (long id : ids) {
                byte[] bytes = new byte[16];
                random.nextBytes(bytes);
                s.setString(1, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                s.setLong(2, id);
                s.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("alter table workbook_upload alter column public_id set not null");
            s.execute("create unique index workbook_upload_public_id on workbook_upload (public_id)");
        }
    }
}
