package no.kostra.compute.efficiency;

import java.util.List;

/** An efficiency split as served: the region, the area, the years and the narrative. */
public record EfficiencyReport(Region region, String area, List<EfficiencyYear> years, List<String> narrative) {
    public EfficiencyReport {
        years = List.copyOf(years);
        narrative = List.copyOf(narrative);
    }

    public record Region(String code, String name) {
    }
}
