package no.kostra.ingest.jsonstat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.kostra.errors.InvalidInputException;

/**
 * Reads a JSON-stat 2.0 dataset token by token (Jackson streaming), in any member order: values are buffered in a
 * primitive array and checked against {@code id}/{@code size}/{@code dimension} once all are read. Accepts
 * {@code value} and {@code status} as arrays or as index-keyed objects, and {@code status} as one string for all.
 * Refuses, naming the place: duplicate members, a value that is not a number or null, ids and sizes that disagree,
 * a size product that does not match the values or exceeds {@link #MAX_CELLS}.
 */
public final class JsonStatParser {
    /** The most cells one dataset may have: 10 million doubles are 80 MB of heap. */
    public static final long MAX_CELLS = 10_000_000L;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Jackson's bundled FastDoubleParser: same doubles as Double.parseDouble, a third of a million-value file's parse
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).build())
            .build();

    private final String file;
    private List<String> ids;
    private int[] sizes;
    private final Map<String, List<String>> categories = new HashMap<>();
    private double[] values = new double[0];
    private int valueCount;
    private boolean valuesAsObject;
    private final Map<Integer, String> statuses = new HashMap<>();
    private String statusForAll;
    private final Map<String, List<String>> roles = new LinkedHashMap<>();
    private String updated;
    private String version;

    private JsonStatParser(String file) {
        this.file = file;
    }

    public static JsonStatCube parse(String file, InputStream in) {
        JsonStatParser p = new JsonStatParser(file);
        try (JsonParser json = FACTORY.createParser(in)) {
            p.readDataset(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " linje " + at.getLineNr() + ", kolonne " + at.getColumnNr();
            String problem = e.getOriginalMessage();
            throw p.fail(where, "json", problem.startsWith("Duplicate field")
                    ? "feltet " + problem.substring("Duplicate field ".length()) + " står to ganger i samme objekt"
                    : "ugyldig JSON: " + problem);
        } catch (IOException e) {
            throw p.fail("", "json", "kan ikke leses: " + e.getMessage());
        }
        return p.cube();
    }

    private void readDataset(JsonParser json) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw fail("", "json", "forventet et JSON-stat-objekt ({ … })");
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken token = json.nextToken();
            switch (name) {
                case "version" -> version = json.getValueAsString();
                case "class" -> {
                    if (!"dataset".equals(json.getValueAsString())) {
                        throw fail(" class", "class", "bare JSON-stat-klassen \"dataset\" kan importeres, fant \"" + json.getText() + "\"");
                    }
                }
                case "id" -> ids = strings(json, "id");
                case "size" -> sizes = integers(json);
                case "dimension" -> readDimensions(json);
                case "value" -> readValues(json, token);
                case "status" -> readStatuses(json, token);
                case "role" -> readRoles(json);
                case "updated" -> updated = json.getValueAsString();
                default -> json.skipChildren();
            }
        }
    }

    private void readDimensions(JsonParser json) throws IOException {
        expect(json, JsonToken.START_OBJECT, "dimension");
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String id = json.currentName();
            json.nextToken();
            expect(json, JsonToken.START_OBJECT, "dimension." + id);
            List<String> codes = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String member = json.currentName();
                json.nextToken();
                if (member.equals("category")) {
                    codes = readCategory(json, id);
                } else {
                    json.skipChildren();
                }
            }
            if (codes == null) {
                throw fail(" dimension." + id, "dimension", "mangler category");
            }
            categories.put(id, codes);
        }
    }

    private List<String> readCategory(JsonParser json, String dimension) throws IOException {
        expect(json, JsonToken.START_OBJECT, "dimension." + dimension + ".category");
        List<String> byIndex = null;
        List<String> labels = new ArrayList<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String member = json.currentName();
            JsonToken token = json.nextToken();
            if (member.equals("index")) {
                byIndex = token == JsonToken.START_ARRAY ? strings(json, "dimension." + dimension + ".category.index")
                        : indexObject(json, dimension);
            } else if (member.equals("label") && token == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    labels.add(json.currentName());
                    json.nextToken();
                    json.skipChildren();
                }
            } else {
                json.skipChildren();
            }
        }
        if (byIndex != null) {
            return byIndex;
        }
        if (labels.size() == 1) {
            return labels;
        }
        throw fail(" dimension." + dimension + ".category", "index",
                "mangler index (bare en dimensjon med én kategori kan klare seg med label alene)");
    }

    /** {"0301": 0, "3201": 1} → codes in index order, every position filled exactly once. */
    private List<String> indexObject(JsonParser json, String dimension) throws IOException {
        Map<Integer, String> byPosition = new HashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String code = json.currentName();
            if (json.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                throw fail(" dimension." + dimension + ".category.index." + code, "index", "forventet en heltallsposisjon");
            }
            byPosition.put(json.getIntValue(), code);
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < byPosition.size(); i++) {
            String code = byPosition.get(i);
            if (code == null) {
                throw fail(" dimension." + dimension + ".category.index", "index", "posisjonene må være 0.." + (byPosition.size() - 1)
                        + " uten hull, men " + i + " mangler");
            }
            codes.add(code);
        }
        return codes;
    }

    private void readValues(JsonParser json, JsonToken token) throws IOException {
        if (token == JsonToken.START_ARRAY) {
            int i = 0;
            for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                put(i++, json, t);
            }
        } else if (token == JsonToken.START_OBJECT) {
            valuesAsObject = true;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                int index = cellIndex(json.currentName(), "value");
                put(index, json, json.nextToken());
            }
        } else {
            throw fail(" value", "value", "forventet en liste eller et objekt med verdier");
        }
    }

    private void put(int index, JsonParser json, JsonToken t) throws IOException {
        double v;
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            v = json.getDoubleValue();
            if (!Double.isFinite(v)) {
                throw fail(" value[" + index + "]", "value", "tallet er for stort");
            }
        } else if (t == JsonToken.VALUE_NULL) {
            v = Double.NaN;
        } else {
            String found = t == JsonToken.VALUE_STRING ? "teksten \"" + json.getText() + "\"" : "en " + kind(t);
            throw fail(" value[" + index + "]", "value", "forventet et tall eller null, fant " + found);
        }
        if (index >= MAX_CELLS) {
            throw fail(" value", "value", "flere enn " + format(MAX_CELLS) + " verdier; del uttaket i mindre filer");
        }
        if (index >= values.length) {
            values = Arrays.copyOf(values, (int) Math.min(MAX_CELLS, Math.max(1024, Math.max(index + 1, values.length * 2L))));
        }
        values[index] = v;
        valueCount = Math.max(valueCount, index + 1);
    }

    private void readStatuses(JsonParser json, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING -> statusForAll = json.getText();
            case START_ARRAY -> {
                int i = 0;
                for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                    if (t == JsonToken.VALUE_STRING) {
                        statuses.put(i, json.getText());
                    } else if (t != JsonToken.VALUE_NULL) {
                        throw fail(" status[" + i + "]", "status", "forventet et statussymbol eller null, fant en " + kind(t));
                    }
                    i++;
                }
            }
            case START_OBJECT -> {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    int index = cellIndex(json.currentName(), "status");
                    if (json.nextToken() != JsonToken.VALUE_STRING) {
                        throw fail(" status." + index, "status", "forventet et statussymbol");
                    }
                    statuses.put(index, json.getText());
                }
            }
            default -> throw fail(" status", "status", "forventet tekst, en liste eller et objekt");
        }
    }

    private void readRoles(JsonParser json) throws IOException {
        expect(json, JsonToken.START_OBJECT, "role");
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String role = json.currentName();
            json.nextToken();
            roles.put(role, strings(json, "role." + role));
        }
    }

    private JsonStatCube cube() {
        if (ids == null || sizes == null) {
            throw fail("", ids == null ? "id" : "size", "mangler \"" + (ids == null ? "id" : "size") + "\" (JSON-stat 2.0 dataset)");
        }
        if (ids.size() != sizes.length) {
            throw fail(" id/size", "size", "id har " + ids.size() + " dimensjoner " + ids + ", men size har " + sizes.length + " tall");
        }
        long cells = 1;
        for (int size : sizes) {
            cells = cells * size;
            if (cells > MAX_CELLS) {
                throw fail(" size", "size", "size " + Arrays.toString(sizes) + " ber om " + product(sizes) + " celler; høyst "
                        + format(MAX_CELLS) + " kan importeres i én fil");
            }
        }
        List<List<String>> ordered = new ArrayList<>();
        for (int d = 0; d < ids.size(); d++) {
            String id = ids.get(d);
            List<String> codes = categories.get(id);
            if (codes == null) {
                throw fail(" dimension", "dimension", "dimensjonen " + id + " står i id, men er ikke beskrevet under dimension");
            }
            if (codes.size() != sizes[d]) {
                throw fail(" dimension." + id, "size", "dimensjonen " + id + " har " + codes.size()
                        + (codes.size() == 1 ? " kategori" : " kategorier") + ", men size sier " + sizes[d]);
            }
            ordered.add(codes);
        }
        if (valuesAsObject ? valueCount > cells : valueCount != cells) {
            throw fail(" value", "value", "size " + Arrays.toString(sizes) + " gir " + format(cells) + " celler, men value har "
                    + format(valueCount) + " verdier");
        }
        double[] all = values.length == cells ? values : Arrays.copyOf(values, (int) cells);
        if (valuesAsObject) {
            for (int i = valueCount; i < cells; i++) {
                all[i] = Double.NaN;
            }
        }
        Map<Integer, String> status = statuses;
        if (statusForAll != null) {
            status = new HashMap<>();
            for (int i = 0; i < cells; i++) {
                status.put(i, statusForAll);
            }
        }
        for (int index : status.keySet()) {
            if (index >= cells) {
                throw fail(" status", "status", "status for celle " + index + ", men datasettet har bare " + format(cells) + " celler");
            }
        }
        return new JsonStatCube(ids, sizes, ordered, all, status, roles, updated);
    }

    private static String product(int[] sizes) {
        java.math.BigInteger p = java.math.BigInteger.ONE;
        for (int s : sizes) {
            p = p.multiply(java.math.BigInteger.valueOf(s));
        }
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("nb-NO")).format(p).replace('\u00A0', ' ');
    }

    private static String format(long n) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("nb-NO")).format(n).replace('\u00A0', ' ');
    }

    private int cellIndex(String text, String field) {
        try {
            int index = Integer.parseInt(text);
            if (index < 0) {
                throw new NumberFormatException();
            }
            return index;
        } catch (NumberFormatException e) {
            throw fail(" " + field + "." + text, field, "forventet et celletall (0, 1, 2, …) som nøkkel, fant \"" + text + "\"");
        }
    }

    private List<String> strings(JsonParser json, String field) throws IOException {
        expect(json, JsonToken.START_ARRAY, field);
        List<String> out = new ArrayList<>();
        for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                throw fail(" " + field, field, "forventet en liste med tekster, fant en " + kind(t));
            }
            out.add(json.getText());
        }
        return out;
    }

    private int[] integers(JsonParser json) throws IOException {
        expect(json, JsonToken.START_ARRAY, "size");
        List<Integer> out = new ArrayList<>();
        for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
            if (t != JsonToken.VALUE_NUMBER_INT) {
                throw fail(" size", "size", "forventet hele tall, fant en " + kind(t));
            }
            long v = json.getLongValue();
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw fail(" size", "size", "ugyldig dimensjonsstørrelse " + json.getText());
            }
            out.add((int) v);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private void expect(JsonParser json, JsonToken expected, String field) {
        if (json.currentToken() != expected) {
            throw fail(" " + field, field, "forventet " + (expected == JsonToken.START_OBJECT ? "et objekt" : "en liste")
                    + ", fant en " + kind(json.currentToken()));
        }
    }

    private static String kind(JsonToken t) {
        if (t == null) {
            return "slutt på filen";
        }
        return switch (t) {
            case START_OBJECT -> "objekt";
            case START_ARRAY -> "liste";
            case VALUE_STRING -> "tekst";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "tall";
            case VALUE_TRUE, VALUE_FALSE -> "sannhetsverdi (true/false)";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }

    private InvalidInputException fail(String where, String field, String problem) {
        String place = where.isBlank() ? "" : where.strip();
        return new InvalidInputException(file + (place.isEmpty() ? "" : " " + place) + ": " + problem,
                Map.of("file", file, "where", place, "field", field));
    }

    String version() {
        return version;
    }
}
