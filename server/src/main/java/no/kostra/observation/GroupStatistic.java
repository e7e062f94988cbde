package no.kostra.observation;

import java.util.Objects;

/** A group's published figure (ASSS mean, highest, lowest; a KOSTRA group's average) for an indicator and year. */
public record GroupStatistic(String indicatorId, String group, int year, Statistic statistic, Figure figure) {
    public GroupStatistic {
        Objects.requireNonNull(indicatorId, "indicatorId");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(figure, "figure");
    }
}
