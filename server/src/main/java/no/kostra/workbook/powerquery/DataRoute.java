package no.kostra.workbook.powerquery;

import java.util.Locale;

/** The data routes, one per kind of table a report fills; a refreshable workbook's queries call them. */
public enum DataRoute {
    PROFILE, SERIES, EFFICIENCY, SPLITS;

    /** The route's path, relative to the service's address: {@code api/data/profile}. */
    public String path() {
        return "api/data/" + name().toLowerCase(Locale.ROOT);
    }
}
