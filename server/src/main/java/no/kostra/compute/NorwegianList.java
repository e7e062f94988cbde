package no.kostra.compute;

import java.util.List;

/** A list as running bokmål text: "a", "a og b", "a, b og c" (no brackets, no serial comma). */
public final class NorwegianList {
    private NorwegianList() {
    }

    public static String of(List<String> items) {
        return items.size() < 2 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " og " + items.get(items.size() - 1);
    }
}
