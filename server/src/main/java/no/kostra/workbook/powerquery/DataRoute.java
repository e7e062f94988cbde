package no.kostra.workbook.powerquery;

import java.util.Locale;

/** The data routes, one per kind of table a report fills; a refreshable workbook's queries call them. */
public enum DataRoute {
    PROFILE, SERIES, EFFICIENCY, SPLITS;

    /** Where every data route is, relative to the service's address. */
    public static final String FOLDER = "api/data/";

    /** The route's path, relative to the service's address: {@code api/data/profile}. */
    public String path() {
        return FOLDER + name().toLowerCase(Locale.ROOT);
    }
}
