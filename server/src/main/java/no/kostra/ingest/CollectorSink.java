package no.kostra.ingest;

import no.kostra.observation.Figure;

/** A {@link FigureSink} that hands each figure to a {@link FigureCollector}. */
final class CollectorSink implements FigureSink {
    private final FigureCollector collector;

    CollectorSink(FigureCollector collector) {
        this.collector = collector;
    }

    @Override
    public void observation(String where, String regionCode, String indicator, int year, Figure figure) {
        collector.observation(field -> where, regionCode, indicator, String.valueOf(year), figure);
    }

    @Override
    public void groupMean(String where, String groupCode, String indicator, int year, Figure figure) {
        collector.groupStatistic(field -> where, groupCode, indicator, String.valueOf(year), "mean", figure);
    }
}
