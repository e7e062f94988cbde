package no.kostra.store;

import java.util.Objects;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;

/** A published group figure to store (ASSS mean, highest, lowest; a KOSTRA group's average). */
public record GroupStatisticRow(String indicatorId, String group, int year, Statistic statistic, Figure figure,
                                String source, String note) {
    public GroupStatisticRow {
        Objects.requireNonNull(indicatorId, "indicatorId");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(source, "source");
    }
}
