package no.kostra.workbook.roundtrip;

import java.util.Map;

/**
 * What the store holds now for the edited keys ({@code indicator|region|year}).
 *
 * @param figures  the current figure as text: a plain number or a status symbol; absent when none is stored
 * @param comments the current comment; absent when none
 * @param ranges   per indicator id, the range a correction may take
 */
public record StoredNow(Map<String, String> figures, Map<String, String> comments, Map<String, SaneRange> ranges) {
    public StoredNow {
        figures = Map.copyOf(figures);
        comments = Map.copyOf(comments);
        ranges = Map.copyOf(ranges);
    }
}
