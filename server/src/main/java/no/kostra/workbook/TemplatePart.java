package no.kostra.workbook;

import java.util.List;
import java.util.Objects;

/**
 * One block of a report template: an Excel table (ListObject) the filler writes rows into, and the charts and named
 * cells that go with it. Every name here is what the template must contain; the filler finds each by name and fails
 * naming the part when it is missing. A part also carries what the designer needs to draw it (titles, sheet names,
 * the series charts), so a template is fully described by its parts: two equal templates design to the same workbook.
 */
public sealed interface TemplatePart {
    /** The Excel table's name. */
    String table();

    /**
     * A service profile: one row per indicator, the profile chart on ASSS = 100, its title, and a note line (why the
     * profile is empty in a year without its layout, or the area's Kommunebarometeret place).
     *
     * @param sheet the sheet it is drawn on
     */
    record Profile(String profileCode, String title, String sheet) implements TemplatePart {
        public Profile {
            Objects.requireNonNull(profileCode, "profileCode");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(sheet, "sheet");
        }

        @Override
        public String table() {
            return "Profil_" + profileCode;
        }

        public String chart() {
            return "Graf_Profil_" + profileCode;
        }

        public String titleName() {
            return table() + "_Tittel";
        }

        public String noteName() {
            return table() + "_Merknad";
        }
    }

    /**
     * The area's time series: one row per (indicator, region), one chart per indicator named {@code Graf_<id>}.
     *
     * @param charts the series indicators, one chart each, in the area's order
     */
    record Series(String area, List<Chart> charts) implements TemplatePart {
        public Series {
            charts = List.copyOf(charts);
        }

        /** A series indicator's chart and its title. */
        public record Chart(String indicator, String title) {
        }

        @Override
        public String table() {
            return "Serier_" + area;
        }

        public static String chartOf(String indicatorId) {
            return "Graf_" + indicatorId;
        }
    }

    /** The efficiency split (cost, production, efficiency by year) and its chart; a note says when it has no data. */
    record Efficiency(String area) implements TemplatePart {
        @Override
        public String table() {
            return "Effektivitet_" + area;
        }

        public String chart() {
            return "Graf_Effektivitet_" + area;
        }

        public String noteName() {
            return table() + "_Merknad";
        }
    }

    /**
     * The area's places in Kommunebarometeret, the municipality and the ASSS members side by side.
     *
     * @param sectors the barometer's sectors the area's profiles are ranked in (usually one)
     */
    record Barometer(String area, List<String> sectors) implements TemplatePart {
        public Barometer {
            sectors = List.copyOf(sectors);
        }

        @Override
        public String table() {
            return "Kommunebarometer_" + area;
        }

        public String textName() {
            return table() + "_Tekst";
        }
    }

    /** The report year's rows of several profiles in one table, with one index chart. */
    record Summary(List<String> profileCodes) implements TemplatePart {
        public Summary {
            profileCodes = List.copyOf(profileCodes);
        }

        @Override
        public String table() {
            return "Sammendrag";
        }

        public String chart() {
            return "Graf_Sammendrag";
        }
    }

    /**
     * One row per service area: the ressursbruksindikator against ASSS and the municipality's place among the members,
     * cost, production and efficiency relative to ASSS in the report year and the year before, and the area's
     * Kommunebarometeret place; a chart of cost, production and efficiency by area.
     */
    record Overview(List<Area> areas) implements TemplatePart {
        public Overview {
            areas = List.copyOf(areas);
        }

        /**
         * A service area as the summary shows it.
         *
         * @param resourceIndicator its ressursbruksindikator, or null when the catalogue names none
         * @param sectors           the Kommunebarometeret sectors its profiles are ranked in
         */
        public record Area(String code, String title, List<String> profileCodes, String resourceIndicator,
                           List<String> sectors) {
            public Area {
                profileCodes = List.copyOf(profileCodes);
                sectors = List.copyOf(sectors);
            }
        }

        @Override
        public String table() {
            return "Oversikt";
        }

        public String chart() {
            return "Graf_Oversikt";
        }
    }

    /** Three plain findings per area, drawn from the overview's and the profiles' figures as the tables show them. */
    record Findings() implements TemplatePart {
        @Override
        public String table() {
            return "Hovedfunn";
        }
    }

    /** Every sector of the year's Kommunebarometeret: the municipality and the ASSS members side by side. */
    record BarometerSummary() implements TemplatePart {
        @Override
        public String table() {
            return "Kommunebarometer";
        }

        public String textName() {
            return table() + "_Tekst";
        }
    }
}
