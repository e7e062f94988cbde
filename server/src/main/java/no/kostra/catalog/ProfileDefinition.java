package no.kostra.catalog;

import java.util.Objects;

/**
 * A service profile as ASSS defines it: a set of indicators for one service area (or one part of it, as PLO 67+).
 * The last three fields say how the area's report workbook shows it; each is optional (null).
 *
 * @param sheetTitle        the profile's sheet in its area's workbook ("Profil 67 år+"); null leaves it to the designer
 * @param resourceIndicator the profile's ressursbruksindikator (KS's resource use relative to ASSS), shown per area in
 *                          the summary workbook
 * @param barometerSector   the Kommunebarometeret sector the profile's area is ranked in, as the barometer prints it
 */
public record ProfileDefinition(String code, String area, String areaTitle, String title, int sortOrder,
                                String sheetTitle, String resourceIndicator, String barometerSector) {
    /** Excel's longest sheet name. */
    public static final int SHEET_TITLE_MAX = 31;
    private static final String SHEET_FORBIDDEN = ":\\/?*[]";

    public ProfileDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(areaTitle, "areaTitle");
        Objects.requireNonNull(title, "title");
        sheetTitle = absentIfBlank(sheetTitle);
        resourceIndicator = absentIfBlank(resourceIndicator);
        barometerSector = absentIfBlank(barometerSector);
        if (sheetTitle != null) {
            checkSheetTitle(sheetTitle);
        }
    }

    /** A profile without report columns. */
    public ProfileDefinition(String code, String area, String areaTitle, String title, int sortOrder) {
        this(code, area, areaTitle, title, sortOrder, null, null, null);
    }

    private static String absentIfBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Excel refuses a sheet name over 31 characters or with one of {@code : \ / ? * [ ]}. */
    private static void checkSheetTitle(String title) {
        if (title.length() > SHEET_TITLE_MAX) {
            throw new IllegalArgumentException("arknavnet '" + title + "' har " + title.length() + " tegn; Excel tillater høyst "
                    + SHEET_TITLE_MAX);
        }
        for (char c : title.toCharArray()) {
            if (SHEET_FORBIDDEN.indexOf(c) >= 0) {
                throw new IllegalArgumentException("arknavnet '" + title + "' har tegnet '" + c
                        + "', som Excel ikke tillater i et arknavn (: \\ / ? * [ ])");
            }
        }
    }
}
