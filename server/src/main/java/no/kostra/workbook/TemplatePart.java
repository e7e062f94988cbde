package no.kostra.workbook;

import java.util.List;

/**
 * One block of a report template: an Excel table (ListObject) the filler writes rows into, and the charts drawn from
 * it. Every name here is what the template must contain; the filler finds each by name and fails naming the part
 * when it is missing.
 */
public sealed interface TemplatePart {
    /** The Excel table's name. */
    String table();

    /** A service profile: one row per indicator, the profile chart on ASSS = 100. */
    record Profile(String profileCode) implements TemplatePart {
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
    }

    /** The area's time series: one row per (indicator, region), one chart per indicator named {@code Graf_<id>}. */
    record Series(String area) implements TemplatePart {
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
}
