package no.kostra.ingest.jsonstat;

import static no.kostra.ingest.jsonstat.ReadSupport.cells;
import static no.kostra.ingest.jsonstat.ReadSupport.expect;
import static no.kostra.ingest.jsonstat.ReadSupport.kind;
import static no.kostra.ingest.jsonstat.ReadSupport.strings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kostra.errors.InvalidInputException;
import no.kostra.text.NorwegianList;

/**
 * Reads a JSON-stat 2.0 dataset token by token (Jackson streaming), in any member order, and checks it against the
 * format before any figure is taken from it. Accepts {@code value} and {@code status} as lists or as objects keyed by
 * cell number (sparse), and {@code status} as one string for every cell. Refuses, naming the place: a document that is
 * not one JSON object, a missing required member or a version other than 2.0, duplicate members, ids and sizes that
 * disagree, a size that is not a whole number from 1, a dimension described but not in {@code id} (or the reverse),
 * categories that are not what {@code size} says (see {@code CategoryReader}), a role naming an unknown dimension, a
 * value that is not a number or null, a {@code value} or {@code status} list of the wrong length, a cell number outside
 * the cube or given twice, and cubes over {@link #MAX_CELLS}.
 *
 * <p>What is held follows the file, never the cube, and a {@code value} list read from a source is not held at all:
 * the first pass checks each value's kind and counts them, and the cube reads them again from the source as it hands
 * out its cells (so an import of four million values holds none of them). A dataset already in memory (a StatBank
 * answer) has its list held as it is read, and is read once. A sparse object keeps the cells it names (12 bytes a cell), the
 * statuses are kept (one string of each symbol), and a status for all cells stays one string.
 *
 * <p>A number too small for a double (1e-999999999) is read as the smallest double of its sign, never silently as 0,
 * so the import can say that it is stored as 0; one too large for a double is refused.
 */
public final class JsonStatParser {
    /** The most cells one dataset may have: 10 million doubles are 80 MB of heap. */
    public static final long MAX_CELLS = 10_000_000L;

    private static final List<String> REQUIRED = List.of("version", "class", "id", "size", "dimension", "value");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Jackson's bundled FastDoubleParser: same doubles as Double.parseDouble, a third of a million-value file's parse
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).build())
            .build();

    private final String file;
    private final Source source;
    private final Set<String> members = new HashSet<>();
    private List<String> ids;
    private int[] sizes;
    /** The product of the sizes once {@code size} is read, else −1: from then on, cell numbers are checked as they come. */
    private long cellCount = -1;
    private final Map<String, List<String>> categories = new LinkedHashMap<>();
    private final Map<String, List<String>> roles = new LinkedHashMap<>();
    private String updated;
    private String datasetSource;

    private boolean sparse;
    /** The values of a sparse object, in the order of {@link #valueCells}. */
    private double[] values = new double[0];
    private long valueCount;
    private final CellKeys valueCells = new CellKeys();
    /** The first sparse key too large to be a cell of any cube that can be imported; not stored. */
    private String valueKeyBeyond;

    private String statusForAll;
    private int statusListLength = -1;
    private final CellKeys statusCells = new CellKeys();
    private String[] statusSymbols = new String[16];
    private String statusKeyBeyond;

    /** Where a dataset is read from, as often as asked: a file, or bytes in memory. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /**
     * The {@code value} list as read, when the dataset is in memory already (null otherwise): 8 bytes a value, of the order of the text they are read from, so the cube need not read the text a second time.
     */
    private double[] listed;

    private JsonStatParser(String file, Source source, boolean holdValues) {
        this.file = file;
        this.source = source;
        this.listed = holdValues ? new double[0] : null;
    }

    /**
     * Checks the dataset and answers its cube. The source is read again by {@link JsonStatCube#forEachCell} for a
     * {@code value} list, so it must give the same bytes each time.
     */
    public static JsonStatCube parse(String file, Source source) {
        return parse(new JsonStatParser(file, source, false));
    }

    private static JsonStatCube parse(JsonStatParser p) {
        Source source = p.source;
        try (InputStream in = source.open(); JsonParser json = FACTORY.createParser(in)) {
            p.readDataset(json);
            p.refuseTrailingContent(json);
        } catch (JsonProcessingException e) {
            throw p.fail(at(e.getLocation()), "json", problem(e));
        } catch (IOException e) {
            throw p.fail("", "json", "kan ikke leses: " + e.getMessage());
        }
        return p.cube();
    }

    /** A dataset in memory: its values are held as they are read (a StatBank answer is read once, not twice). */
    public static JsonStatCube parse(String file, byte[] bytes) {
        return parse(new JsonStatParser(file, () -> new java.io.ByteArrayInputStream(bytes), true));
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : "linje " + location.getLineNr() + ", kolonne " + location.getColumnNr();
    }

    private static String problem(JsonProcessingException e) {
        String problem = e.getOriginalMessage();
        if (!problem.startsWith("Duplicate field ")) {
            return "ugyldig JSON: " + problem;
        }
        JsonStreamContext object = e.getProcessor() instanceof JsonParser parser ? parser.getParsingContext() : null;
        String path = object == null || object.getParent() == null ? "" : object.getParent().pathAsPointer().toString();
        return "feltet " + problem.substring("Duplicate field ".length()) + " står to ganger i samme objekt"
                + (path.isEmpty() ? "" : " (i " + path + ")");
    }

    private void readDataset(JsonParser json) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw fail("", "json", "forventet et JSON-stat-objekt ({ … })");
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken token = json.nextToken();
            members.add(name);
            switch (name) {
                case "version" -> {
                    if (token != JsonToken.VALUE_STRING || !json.getText().equals("2.0")) {
                        throw fail("version", "version", "versjonen er " + scalar(json, token)
                                + "; bare JSON-stat 2.0 (\"version\": \"2.0\") kan importeres");
                    }
                }
                case "class" -> {
                    if (token != JsonToken.VALUE_STRING || !json.getText().equals("dataset")) {
                        throw fail("class", "class", "bare JSON-stat-klassen \"dataset\" kan importeres, fant " + scalar(json, token));
                    }
                }
                case "id" -> ids = strings(json, file, "id", "id");
                case "size" -> readSizes(json);
                case "dimension" -> readDimensions(json);
                case "value" -> readValues(json, token);
                case "status" -> readStatuses(json, token);
                case "role" -> readRoles(json);
                case "updated" -> updated = json.getValueAsString();
                case "source" -> datasetSource = json.getValueAsString();
                default -> json.skipChildren();
            }
        }
    }

    /** A second document, or anything but white space, after the dataset: a file that is not one JSON-stat dataset. */
    private void refuseTrailingContent(JsonParser json) throws IOException {
        JsonLocation location;
        try {
            if (json.nextToken() == null) {
                return;
            }
            location = json.currentTokenLocation();
        } catch (JsonProcessingException e) {
            location = e.getLocation();
        }
        throw fail(at(location), "json", "innhold etter slutten av JSON-dokumentet; filen må være ett JSON-stat-datasett");
    }

    private static String scalar(JsonParser json, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return "\"" + json.getText() + "\"";
        }
        return token.isScalarValue() ? json.getText() : kind(token);
    }

    private void readSizes(JsonParser json) throws IOException {
        expect(json, JsonToken.START_ARRAY, file, "size", "size");
        List<Long> read = new ArrayList<>();
        for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
            boolean whole = t == JsonToken.VALUE_NUMBER_INT;
            if (whole && json.getNumberType() == JsonParser.NumberType.BIG_INTEGER && json.getBigIntegerValue().signum() > 0) {
                throw fail("size", "size", "size[" + read.size() + "] er " + json.getText() + "; høyst " + number(MAX_CELLS)
                        + " celler kan importeres i én fil");
            }
            if (!whole || json.getNumberType() == JsonParser.NumberType.BIG_INTEGER || json.getLongValue() < 1) {
                throw fail("size", "size", "size[" + read.size() + "] er " + scalar(json, t)
                        + "; en dimensjonsstørrelse må være et helt tall fra 1 og opp");
            }
            read.add(json.getLongValue());
        }
        BigInteger product = read.stream().map(BigInteger::valueOf).reduce(BigInteger.ONE, BigInteger::multiply);
        if (product.compareTo(BigInteger.valueOf(MAX_CELLS)) > 0) {
            throw fail("size", "size", "size " + shape(read.stream().mapToLong(Long::longValue).toArray()) + " ber om "
                    + number(product) + " celler; høyst " + number(MAX_CELLS) + " kan importeres i én fil");
        }
        sizes = read.stream().mapToInt(Long::intValue).toArray();
        cellCount = product.longValueExact();
    }

    private static String number(BigInteger n) {
        return n.bitLength() < 63 ? number(n.longValue()) : n.toString();
    }

    private static String number(long n) {
        return ReadSupport.number(n);
    }

    /** The cube's shape as a person reads it: size 2 × 1 × 1. */
    private String shape() {
        return shape(Arrays.stream(sizes).asLongStream().toArray());
    }

    private static String shape(long[] sizes) {
        return Arrays.stream(sizes).mapToObj(JsonStatParser::number).collect(java.util.stream.Collectors.joining(" × "));
    }

    private void readDimensions(JsonParser json) throws IOException {
        expect(json, JsonToken.START_OBJECT, file, "dimension", "dimension");
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String id = json.currentName();
            json.nextToken();
            expect(json, JsonToken.START_OBJECT, file, "dimension." + id, "dimension");
            List<String> codes = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String member = json.currentName();
                json.nextToken();
                if (member.equals("category")) {
                    codes = CategoryReader.read(json, file, id);
                } else {
                    json.skipChildren();
                }
            }
            if (codes == null) {
                throw fail("dimension." + id, "dimension", "mangler category");
            }
            categories.put(id, codes);
        }
    }

    private void readValues(JsonParser json, JsonToken token) throws IOException {
        if (token == JsonToken.START_ARRAY) {
            long i = 0;
            for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                if (listed != null && i < MAX_CELLS) {
                    hold(i, readNumber(json, t, "value[" + i + "]"));
                } else if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NULL) {
                    readNumber(json, t, "value[" + i + "]");
                }
                if (cellCount < 0 && i >= MAX_CELLS) {
                    throw fail("value", "value", "flere enn " + number(MAX_CELLS) + " verdier; del uttaket i mindre filer");
                }
                i++;
            }
            valueCount = i;
        } else if (token == JsonToken.START_OBJECT) {
            sparse = true;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                long cell = cellNumber(key, "value");
                double v = readNumber(json, json.nextToken(), "value." + key);
                if (cell >= MAX_CELLS) {
                    valueKeyBeyond = valueKeyBeyond == null ? key : valueKeyBeyond;
                    continue;
                }
                if (valueCells.size() == values.length) {
                    values = Arrays.copyOf(values, Math.max(16, values.length * 2));
                }
                values[valueCells.size()] = v;
                valueCells.add((int) cell);
            }
        } else {
            throw fail("value", "value", "forventet en liste eller et objekt med verdier, fant " + kind(token));
        }
    }

    private void hold(long i, double value) {
        if (i == listed.length) {
            listed = Arrays.copyOf(listed, (int) Math.min(MAX_CELLS, Math.max(16, listed.length * 2L)));
        }
        listed[(int) i] = value;
    }

    private double readNumber(JsonParser json, JsonToken t, String place) throws IOException {
        return readNumber(file, json, t, place);
    }

    private static double readNumber(String file, JsonParser json, JsonToken t, String place) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            double v = json.getDoubleValue();
            if (!Double.isFinite(v)) {
                throw ReadSupport.fail(file, place, "value", "tallet " + json.getText() + " er for stort til å leses");
            }
            return v == 0 && t == JsonToken.VALUE_NUMBER_FLOAT ? belowDouble(json.getText()) : v;
        }
        if (t == JsonToken.VALUE_NULL) {
            return Double.NaN;
        }
        String found = t == JsonToken.VALUE_STRING ? "teksten \"" + json.getText() + "\"" : kind(t);
        throw ReadSupport.fail(file, place, "value", "forventet et tall eller null, fant " + found);
    }

    /** A number that reads as 0: ±{@link Double#MIN_VALUE} when its digits are not all zeros (it was too small for a double). */
    static double belowDouble(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '1' && c <= '9') {
                return text.charAt(0) == '-' ? -Double.MIN_VALUE : Double.MIN_VALUE;
            }
        }
        return 0;
    }

    /** A sparse key: a cell number, refused at once when the cube's size is known and it lies outside. */
    private long cellNumber(String key, String member) {
        if (key.isEmpty() || !key.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw fail(member + "." + key, member, "forventet et celletall (0, 1, 2, …) som nøkkel, fant \"" + key + "\"");
        }
        long cell = key.length() > 18 ? Long.MAX_VALUE : Long.parseLong(key);
        if (cellCount >= 0 && cell >= cellCount) {
            throw beyond(member, key);
        }
        return cell;
    }

    private InvalidInputException beyond(String member, String key) {
        return fail(member + "." + key, member, "cellen " + key + " er utenfor datasettet: size " + shape()
                + " gir " + cells(cellCount));
    }

    private void readStatuses(JsonParser json, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING -> statusForAll = json.getText();
            case START_ARRAY -> {
                long limit = cellCount >= 0 ? cellCount : MAX_CELLS;
                int i = 0;
                for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                    if (t == JsonToken.VALUE_STRING && i < limit) {
                        addStatus(i, json.getText());
                    } else if (t == JsonToken.VALUE_STRING && cellCount < 0) {
                        throw fail("status", "status", "flere enn " + number(MAX_CELLS) + " statuser; del uttaket i mindre filer");
                    } else if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
                        throw fail("status[" + i + "]", "status", "forventet et statussymbol eller null, fant " + kind(t));
                    }
                    i++;
                }
                statusListLength = i;
            }
            case START_OBJECT -> {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String key = json.currentName();
                    long cell = cellNumber(key, "status");
                    JsonToken t = json.nextToken();
                    if (t != JsonToken.VALUE_STRING) {
                        throw fail("status." + key, "status", "forventet et statussymbol, fant " + kind(t));
                    }
                    if (cell >= MAX_CELLS) {
                        statusKeyBeyond = statusKeyBeyond == null ? key : statusKeyBeyond;
                    } else {
                        addStatus((int) cell, json.getText());
                    }
                }
            }
            default -> throw fail("status", "status", "forventet tekst, en liste eller et objekt, fant " + kind(token));
        }
    }

    private void addStatus(int cell, String symbol) {
        int at = statusCells.size();
        if (at == statusSymbols.length) {
            statusSymbols = Arrays.copyOf(statusSymbols, at * 2);
        }
        // Files repeat a handful of symbols: keep one string of each, not one per cell.
        statusSymbols[at] = at > 0 && statusSymbols[at - 1].equals(symbol) ? statusSymbols[at - 1] : symbol;
        statusCells.add(cell);
    }

    private void readRoles(JsonParser json) throws IOException {
        expect(json, JsonToken.START_OBJECT, file, "role", "role");
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String role = json.currentName();
            json.nextToken();
            roles.put(role, strings(json, file, "role." + role, "role"));
        }
    }

    private JsonStatCube cube() {
        for (String member : REQUIRED) {
            if (!members.contains(member)) {
                throw fail(member, member, "mangler \"" + member + "\" (et JSON-stat 2.0-datasett har version, class, id, size,"
                        + " dimension og value)");
            }
        }
        List<List<String>> ordered = dimensions();
        checkRoles();
        int[] cells = null;
        double[] cellValues = null;
        if (!sparse && valueCount != cellCount) {
            throw fail("value", "value", "size " + shape() + " gir " + count(cellCount) + ", men value har "
                    + number(valueCount) + " verdier");
        }
        if (statusListLength >= 0 && statusListLength != cellCount) {
            throw fail("status", "status", "status-listen har " + number(statusListLength) + " elementer, men size "
                    + shape() + " gir " + count(cellCount) + "; listen må ha ett element per celle");
        }
        int[] statusOrder = statusCells.ascending();
        int[] statusAt = checkedCells(statusCells, statusOrder, statusKeyBeyond, "status");
        String[] symbols = new String[statusAt.length];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = statusSymbols[statusOrder[i]];
        }
        if (sparse) {
            int[] order = valueCells.ascending();
            int[] valueAt = checkedCells(valueCells, order, valueKeyBeyond, "value");
            double[] given = new double[valueAt.length];
            for (int i = 0; i < given.length; i++) {
                given[i] = values[order[i]];
            }
            // A cell with a status but no value is given too: a null with its symbol.
            cells = statusForAll != null ? valueAt : union(valueAt, statusAt);
            cellValues = spread(valueAt, given, cells);
        }
        if (cellValues == null && listed != null) {
            cellValues = Arrays.copyOf(listed, (int) valueCount);
        }
        JsonStatCube.Values values = cellValues != null ? JsonStatCube.Values.held(cellValues) : this::streamValues;
        return new JsonStatCube(ids, ordered, cells, values, statusAt, symbols, statusForAll, roles, updated, datasetSource);
    }

    /**
     * Reads the {@code value} list again, handing each value on in order: the first pass checked it, so a list that is
     * not as it was then means the source changed between the passes.
     */
    private void streamValues(JsonStatCube.ValueVisitor visitor) {
        String changed = "filen ble endret mens den ble lest; importer den på nytt";
        try (InputStream in = source.open(); JsonParser json = FACTORY.createParser(in)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw fail("", "json", changed);
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken token = json.nextToken();
                if (!name.equals("value")) {
                    json.skipChildren();
                    continue;
                }
                if (token != JsonToken.START_ARRAY) {
                    throw fail("value", "value", changed);
                }
                int i = 0;
                for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                    if (i == cellCount) {
                        throw fail("value", "value", changed);
                    }
                    visitor.value(i, t == JsonToken.VALUE_NULL ? Double.NaN : readNumber(json, t, "value[" + i + "]"));
                    i++;
                }
                if (i != cellCount) {
                    throw fail("value", "value", changed);
                }
                return;
            }
            throw fail("value", "value", changed);
        } catch (JsonProcessingException e) {
            throw fail(at(e.getLocation()), "json", problem(e));
        } catch (IOException e) {
            throw fail("", "json", "kan ikke leses: " + e.getMessage());
        }
    }

    /** The categories in {@code id} order, after checking that id, size and dimension describe the same cube. */
    private List<List<String>> dimensions() {
        if (ids.size() != sizes.length) {
            throw fail("id/size", "size", "id har " + ids.size() + " dimensjoner (" + NorwegianList.and(ids) + "), men size har "
                    + sizes.length + " tall");
        }
        Set<String> distinct = new HashSet<>();
        for (String id : ids) {
            if (!distinct.add(id)) {
                throw fail("id", "id", "dimensjonen " + id + " står to ganger");
            }
            if (!categories.containsKey(id)) {
                throw fail("dimension", "dimension", "dimensjonen " + id + " står i id, men er ikke beskrevet under dimension");
            }
        }
        for (String described : categories.keySet()) {
            if (!distinct.contains(described)) {
                throw fail("dimension." + described, "dimension", "dimensjonen " + described
                        + " er beskrevet under dimension, men står ikke i id (" + NorwegianList.and(ids) + ")");
            }
        }
        List<List<String>> ordered = new ArrayList<>();
        for (int d = 0; d < ids.size(); d++) {
            String id = ids.get(d);
            List<String> codes = categories.get(id);
            if (codes.size() != sizes[d]) {
                throw fail("dimension." + id, "size", "dimensjonen " + id + " har " + codes.size()
                        + (codes.size() == 1 ? " kategori" : " kategorier") + ", men size sier " + sizes[d]);
            }
            ordered.add(codes);
        }
        return ordered;
    }

    private void checkRoles() {
        roles.forEach((role, dimensions) -> {
            for (String dimension : dimensions) {
                if (!ids.contains(dimension)) {
                    throw fail("role." + role, "role", "dimensjonen " + dimension + " finnes ikke; id har "
                            + NorwegianList.and(ids));
                }
            }
        });
    }

    /** The cell numbers in ascending order, after checking each is inside the cube and named once. */
    private int[] checkedCells(CellKeys keys, int[] order, String keyBeyond, String member) {
        if (keyBeyond != null) {
            throw beyond(member, keyBeyond);
        }
        for (int i = 0; i < keys.size(); i++) {
            if (keys.key(i) >= cellCount) {
                throw beyond(member, String.valueOf(keys.key(i)));
            }
        }
        int[] cells = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            cells[i] = keys.key(order[i]);
            if (i > 0 && cells[i] == cells[i - 1]) {
                throw fail(member + "." + cells[i], member, "cellen " + cells[i] + " står to ganger i " + member);
            }
        }
        return cells;
    }

    private static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            int next = j == b.length || i < a.length && a[i] <= b[j] ? a[i] : b[j];
            i += i < a.length && a[i] == next ? 1 : 0;
            j += j < b.length && b[j] == next ? 1 : 0;
            out[n++] = next;
        }
        return Arrays.copyOf(out, n);
    }

    /** The values of {@code from} placed at their cells among {@code cells} (a superset); NaN elsewhere. */
    private static double[] spread(int[] from, double[] values, int[] cells) {
        double[] out = new double[cells.length];
        int i = 0;
        for (int k = 0; k < cells.length; k++) {
            boolean given = i < from.length && from[i] == cells[k];
            out[k] = given ? values[i++] : Double.NaN;
        }
        return out;
    }

    private static String count(long cells) {
        return number(cells) + (cells == 1 ? " celle" : " celler");
    }

    private InvalidInputException fail(String place, String field, String problem) {
        return ReadSupport.fail(file, place, field, problem);
    }
}
