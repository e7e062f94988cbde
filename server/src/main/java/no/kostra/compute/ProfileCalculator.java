package no.kostra.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.LayoutRow;
import no.kostra.catalog.ProfileDefinition;
import no.kostra.catalog.Region;
import no.kostra.compute.narrative.ProfileNarrative;
import no.kostra.compute.narrative.Wording;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;

/** Computes a service profile (DESIGN §3, "Profile row" and "Chart values"). Pure. */
public final class ProfileCalculator {
    /** A profile shows the report year and the two years before it. */
    public static final int YEARS_SHOWN = 3;

    private ProfileCalculator() {
    }

    public static ProfileTable compute(Region region, String requestedCode, ProfileDefinition profile,
                                       List<LayoutRow> rows, int year, ProfileInputs inputs) {
        List<Integer> years = IntStream.rangeClosed(year - YEARS_SHOWN + 1, year).boxed().toList();
        List<ProfileRow> computed = new ArrayList<>();
        for (LayoutRow row : rows) {
            computed.add(row(region, row, years, year, inputs));
        }
        return new ProfileTable(
                new ProfileTable.RegionRef(region.code(), region.name(), requestedCode),
                new ProfileTable.ProfileRef(profile.code(), profile.area(), profile.title()),
                year, years, computed);
    }

    /** One row as the year's layout has it: its category, and its name and mean kind (the {@code *}) of that year. */
    static ProfileRow row(Region municipality, LayoutRow layoutRow, List<Integer> years, int year, ProfileInputs inputs) {
        Indicator indicator = layoutRow.indicator();
        String id = indicator.id();
        List<YearFigure> values = years.stream().map(y -> inputs.shown(id, municipality.code(), y)).toList();
        Figure current = inputs.municipality(id, year);
        Figure previous = inputs.municipality(id, year - 1);
        Figure mean = inputs.asss(id, Statistic.MEAN);
        Figure high = inputs.asss(id, Statistic.HIGH);
        Figure low = inputs.asss(id, Statistic.LOW);

        boolean computed = inputs.computedAsss().contains(id);
        AsssFigures asss = new AsssFigures(inputs.shownAsss(id, year, Statistic.MEAN), inputs.shownAsss(id, year, Statistic.HIGH),
                inputs.shownAsss(id, year, Statistic.LOW),
                layoutRow.meanKind().code(), computed ? AsssFigures.COMPUTED : AsssFigures.PUBLISHED);
        Double index = onMeanScale(current, mean);
        Double deviation = index == null ? null : Rounding.clean(index - 100.0);
        ChartValues chart = new ChartValues(index, onMeanScale(high, mean), onMeanScale(low, mean));
        ProfileNarrative.RowFacts facts = new ProfileNarrative.RowFacts(Wording.subject(indicator), year, current.value(),
                previous.value(), mean.value(), high.value(), low.value(), indicator.unit(), indicator.decimals(), computed);
        return new ProfileRow(id, layoutRow.displayName(), layoutRow.category(), indicator.unit().code(),
                indicator.unit().displayName(), indicator.decimals(), values, asss, index, deviation,
                change(indicator, previous, current, year), chart,
                ProfileNarrative.sentences(municipality.name(), facts, inputs.neighbourValues(id)), inputs.comments().get(id));
    }

    /** value / mean × 100, the scale on which the ASSS mean is 100. */
    static Double onMeanScale(Figure value, Figure mean) {
        if (!value.hasValue() || !mean.hasValue() || mean.value() == 0.0) {
            return null;
        }
        return Rounding.clean(value.value() / mean.value() * 100.0);
    }

    static Change change(Indicator indicator, Figure previous, Figure current, int year) {
        if (!previous.hasValue() || !current.hasValue()) {
            return null;
        }
        if (indicator.unit().isPercentage()) {
            return new Change(Rounding.clean(current.value() - previous.value()), Change.PERCENTAGE_POINTS, year - 1, year);
        }
        if (previous.value() == 0.0) {
            return null;
        }
        return new Change(Rounding.clean((current.value() / previous.value() - 1.0) * 100.0), Change.PERCENT, year - 1, year);
    }
}
