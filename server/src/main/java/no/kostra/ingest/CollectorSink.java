package no.kostra.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import no.kostra.observation.Figure;

/**
 * A {@link FigureSink} that hands each figure to a {@link FigureCollector}, the place each came from kept to name it
 * in messages (an update's figures are all in memory already).
 */
final class CollectorSink implements FigureSink {
    private final FigureCollector collector;
    private final List<Supplier<String>> places = new ArrayList<>();

    CollectorSink(FigureCollector collector) {
        this.collector = collector;
        collector.locator((position, field) -> places.get((int) position).get());
    }

    @Override
    public void observation(Supplier<String> where, String regionCode, String indicator, int year, Figure figure, String source) {
        places.add(where);
        collector.observation(places.size() - 1, regionCode, indicator, String.valueOf(year), figure, source);
    }

    @Override
    public void groupMean(Supplier<String> where, String groupCode, String indicator, int year, Figure figure, String source) {
        places.add(where);
        collector.groupStatistic(places.size() - 1, groupCode, indicator, String.valueOf(year), "mean", figure, source);
    }
}
