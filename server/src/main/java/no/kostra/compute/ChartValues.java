package no.kostra.compute;

/** A profile row on the chart's scale, where the ASSS mean is 100. Null where a figure is missing. */
public record ChartValues(Double municipality, Double high, Double low) {
}
