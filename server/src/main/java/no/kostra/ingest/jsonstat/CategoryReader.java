package no.kostra.ingest.jsonstat;

import static no.kostra.ingest.jsonstat.ReadSupport.expect;
import static no.kostra.ingest.jsonstat.ReadSupport.fail;
import static no.kostra.ingest.jsonstat.ReadSupport.strings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one dimension's {@code category} and checks it: the {@code index} (a list of distinct codes, or an object whose
 * positions are 0…n−1, each once), and that {@code label}, {@code unit}, {@code coordinates}, {@code note} and
 * {@code child} name only categories of the index and that {@code child} is a hierarchy, not a ring. A category with
 * no index may have a single label.
 */
final class CategoryReader {
    /** The members whose keys are category codes, in the order they are checked. */
    private static final List<String> KEYED_BY_CATEGORY = List.of("label", "unit", "coordinates", "note", "child");

    private final String file;
    private final String dimension;
    private final String place;
    private List<String> index;
    private final Map<String, List<String>> keys = new HashMap<>();
    private final Map<String, List<String>> children = new LinkedHashMap<>();

    private CategoryReader(String file, String dimension) {
        this.file = file;
        this.dimension = dimension;
        this.place = "dimension." + dimension + ".category";
    }

    /** Reads the category object the parser stands on; returns the codes in index order. */
    static List<String> read(JsonParser json, String file, String dimension) throws IOException {
        CategoryReader reader = new CategoryReader(file, dimension);
        expect(json, JsonToken.START_OBJECT, file, reader.place, "category");
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String member = json.currentName();
            JsonToken token = json.nextToken();
            switch (member) {
                case "index" -> reader.index = token == JsonToken.START_ARRAY ? reader.indexList(json) : reader.indexObject(json);
                case "child" -> reader.readChildren(json);
                case "label", "unit", "coordinates", "note" -> reader.keys.put(member, reader.keysOf(json, member));
                default -> json.skipChildren();
            }
        }
        return reader.check();
    }

    private List<String> indexList(JsonParser json) throws IOException {
        List<String> codes = strings(json, file, place + ".index", "index");
        Set<String> seen = new HashSet<>();
        for (String code : codes) {
            if (!seen.add(code)) {
                throw fail(file, place + ".index", "index", "kategorien " + code + " står to ganger");
            }
        }
        return codes;
    }

    /** {"0301": 0, "3201": 1} → the codes in index order; the positions must be 0…n−1, each once. */
    private List<String> indexObject(JsonParser json) throws IOException {
        expect(json, JsonToken.START_OBJECT, file, place + ".index", "index");
        List<String> codes = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String code = json.currentName();
            if (json.nextToken() != JsonToken.VALUE_NUMBER_INT || json.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw fail(file, place + ".index." + code, "index", "forventet en heltallsposisjon, fant " + json.getText());
            }
            codes.add(code);
            positions.add(json.getLongValue());
        }
        int n = codes.size();
        String[] byPosition = new String[n];
        for (int i = 0; i < n; i++) {
            long position = positions.get(i);
            String code = codes.get(i);
            if (position < 0 || position >= n) {
                throw fail(file, place + ".index." + code, "index", "kategorien " + code + " har posisjon " + position + ", men med "
                        + (n == 1 ? "1 kategori må posisjonen være 0" : n + " kategorier må posisjonene være 0–" + (n - 1)));
            }
            if (byPosition[(int) position] != null) {
                throw fail(file, place + ".index." + code, "index", "kategoriene " + byPosition[(int) position] + " og " + code
                        + " har begge posisjon " + position);
            }
            byPosition[(int) position] = code;
        }
        return List.of(byPosition);
    }

    private List<String> keysOf(JsonParser json, String member) throws IOException {
        expect(json, JsonToken.START_OBJECT, file, place + "." + member, member);
        List<String> names = new ArrayList<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            names.add(json.currentName());
            json.nextToken();
            json.skipChildren();
        }
        return names;
    }

    private void readChildren(JsonParser json) throws IOException {
        expect(json, JsonToken.START_OBJECT, file, place + ".child", "child");
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String parent = json.currentName();
            json.nextToken();
            children.put(parent, strings(json, file, place + ".child." + parent, "child"));
        }
        keys.put("child", List.copyOf(children.keySet()));
    }

    private List<String> check() {
        List<String> codes = index;
        if (codes == null) {
            List<String> labels = keys.getOrDefault("label", List.of());
            if (labels.size() != 1) {
                throw fail(file, place, "index", "mangler index (bare en dimensjon med én kategori kan klare seg med label alene)");
            }
            codes = labels;
        }
        Set<String> known = new HashSet<>(codes);
        for (String member : KEYED_BY_CATEGORY) {
            for (String code : keys.getOrDefault(member, List.of())) {
                if (!known.contains(code)) {
                    throw unknown(member, place + "." + member + "." + code, code);
                }
            }
        }
        for (Map.Entry<String, List<String>> parent : children.entrySet()) {
            for (String kid : parent.getValue()) {
                if (!known.contains(kid)) {
                    throw unknown("child", place + ".child." + parent.getKey(), kid);
                }
            }
        }
        List<String> ring = ring(children);
        if (!ring.isEmpty()) {
            throw fail(file, place + ".child", "child", "kategoriene går i ring (" + String.join(" → ", ring)
                    + "); child må være et hierarki");
        }
        return codes;
    }

    private no.kostra.errors.InvalidInputException unknown(String member, String at, String code) {
        return fail(file, at, member, member + " nevner kategorien " + code + ", som ikke finnes i dimensjonen " + dimension);
    }

    /**
     * A ring in the parent → children graph (first code repeated at the end), or empty when there is none. Depth-first
     * with an explicit stack, so a long chain of categories cannot overflow the thread's stack.
     */
    private static List<String> ring(Map<String, List<String>> children) {
        Map<String, Boolean> onPath = new HashMap<>();
        for (String root : children.keySet()) {
            if (onPath.containsKey(root)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            Deque<Iterator<String>> next = new ArrayDeque<>();
            path.push(root);
            next.push(children.get(root).iterator());
            onPath.put(root, true);
            while (!path.isEmpty()) {
                Iterator<String> kids = next.peek();
                if (!kids.hasNext()) {
                    onPath.put(path.pop(), false);
                    next.pop();
                    continue;
                }
                String kid = kids.next();
                Boolean state = onPath.get(kid);
                if (state == null) {
                    path.push(kid);
                    next.push(children.getOrDefault(kid, List.of()).iterator());
                    onPath.put(kid, true);
                } else if (state) {
                    List<String> ring = new ArrayList<>();
                    for (Iterator<String> fromRoot = path.descendingIterator(); fromRoot.hasNext(); ) {
                        String code = fromRoot.next();
                        if (!ring.isEmpty() || code.equals(kid)) {
                            ring.add(code);
                        }
                    }
                    ring.add(kid);
                    return ring;
                }
            }
        }
        return List.of();
    }
}
