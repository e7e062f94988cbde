package no.kostra.workbook.roundtrip;

import java.util.Arrays;

/**
 * A workbook's shared string table, kept compactly (all the text in one buffer and one offset per string), so a table
 * of millions of short strings costs a few bytes each; a string is made only when a cell that matters asks for it.
 */
final class SharedStrings {
    private final StringBuilder text = new StringBuilder();
    private int[] ends = new int[64];
    private int count;

    void add(String s) {
        text.append(s);
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count++] = text.length();
    }

    int size() {
        return count;
    }

    String get(int index) {
        return text.substring(index == 0 ? 0 : ends[index - 1], ends[index]);
    }
}
