package no.kostra.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A developer's tool, not product code: turns SSB's grouping of every municipality number 1994–2024 into the 2024
 * municipalities (columns GRUPPEKODE {@code K.3201}, GRUPPETEKST, KODE, TEKST {@code "Bærum (2020-2023)"}; the
 * export in the public repository lauriejh/regtools, {@code data-raw/kommuner-1994-2024.xlsx}) into the catalogue's
 * municipality rows of {@code regions.csv}, the county groups, and {@code region_code_changes.csv} back to 2015.
 * <p>
 * The grouping puts each old number under one 2024 municipality, or under {@code K.Rest} ("Delte kommuner og
 * uoppgitt") when a split makes a summed series impossible; it does not say which number followed which, so the
 * successor of a number that ended in year T is the number of its group that starts in T+1 (the one of the same name
 * where several do, else today's). The splits and the successors of the {@code K.Rest} numbers are not in the export:
 * they are {@link #SUPPLEMENT}, from the reform decisions, each with its source. Same input, same bytes out.
 */
@Command(name = "klass-municipalities", mixinStandardHelpOptions = true,
        description = "Developer tool: write seeds/regions.csv's municipalities, county groups and region_code_changes.csv from SSB's municipality grouping 1994–2024 (xlsx).")
public final class KlassMunicipalities implements Callable<Integer> {
    static final int FIRST_YEAR = 2015;
    static final int CURRENT_YEAR = 2024;
    private static final String GROUPING = "SSB grouping of municipality numbers 1994–2024 into 2024 municipalities"
            + " (lauriejh/regtools data-raw/kommuner-1994-2024.xlsx)";
    private static final String REFORM_2020 = "reform decisions as listed in genealogi.no 'Kommune- og regionreformen 2020'";
    private static final String SPLIT_2024 = "ssb.no KOSTRA-gruppene: Ålesund er delt i kommunene Ålesund og Haram (2024)";

    /** old, new, first year of new, source: what the grouping cannot say (splits and the K.Rest numbers). */
    static final List<String[]> SUPPLEMENT = List.of(
            new String[] {"1612", "5011", "2018", "Trøndelag's numbers from 2018; " + REFORM_2020},
            new String[] {"1613", "5012", "2018", "Trøndelag's numbers from 2018; " + REFORM_2020},
            new String[] {"1617", "5013", "2018", "Trøndelag's numbers from 2018; " + REFORM_2020},
            new String[] {"1622", "5016", "2018", "Trøndelag's numbers from 2018; " + REFORM_2020},
            new String[] {"1636", "5023", "2018", "Trøndelag's numbers from 2018; " + REFORM_2020},
            new String[] {"1638", "5024", "2018", "Trøndelag's numbers from 2018; " + REFORM_2020},
            new String[] {"1571", "5055", "2020", "Heim (Hemne, Halsa, part of Snillfjord); " + REFORM_2020},
            new String[] {"5011", "5055", "2020", "Heim (Hemne, Halsa, part of Snillfjord); " + REFORM_2020},
            new String[] {"5012", "5055", "2020", "Snillfjord split between Heim, Hitra and Orkland; " + REFORM_2020},
            new String[] {"5012", "5056", "2020", "Snillfjord split between Heim, Hitra and Orkland; " + REFORM_2020},
            new String[] {"5012", "5059", "2020", "Snillfjord split between Heim, Hitra and Orkland; " + REFORM_2020},
            new String[] {"5013", "5056", "2020", "Hitra with part of Snillfjord; " + REFORM_2020},
            new String[] {"5016", "5059", "2020", "Orkland (Agdenes, Meldal, Orkdal, part of Snillfjord); " + REFORM_2020},
            new String[] {"5023", "5059", "2020", "Orkland (Agdenes, Meldal, Orkdal, part of Snillfjord); " + REFORM_2020},
            new String[] {"5024", "5059", "2020", "Orkland (Agdenes, Meldal, Orkdal, part of Snillfjord); " + REFORM_2020},
            new String[] {"1805", "1806", "2020", "Narvik (Narvik, Ballangen, part of Tysfjord); " + REFORM_2020},
            new String[] {"1854", "1806", "2020", "Narvik (Narvik, Ballangen, part of Tysfjord); " + REFORM_2020},
            new String[] {"1850", "1806", "2020", "Tysfjord split between Narvik and Hamarøy; " + REFORM_2020},
            new String[] {"1850", "1875", "2020", "Tysfjord split between Narvik and Hamarøy; " + REFORM_2020},
            new String[] {"1849", "1875", "2020", "Hamarøy with part of Tysfjord; " + REFORM_2020},
            new String[] {"1129", "1130", "2020", "Forsand split between Sandnes and Strand (the grouping puts it under Sandnes); " + REFORM_2020},
            new String[] {"1534", "1507", "2020", "Haram merged into Ålesund in 2020 (the grouping puts it under today's Haram); " + REFORM_2020},
            new String[] {"1507", "1580", "2024", SPLIT_2024});

    /** Numbers whose successor the grouping gives wrongly for our purpose: the supplement says where they went. */
    static final java.util.Set<String> REPLACED = java.util.Set.of("1534");

    /** The 2024 counties (the first two digits of their municipalities' numbers), KLASS 104 from 2024. */
    static final Map<String, String> COUNTIES = counties();

    @Option(names = "--xlsx", required = true, description = "The grouping export (kommuner-1994-2024.xlsx).")
    Path xlsx;

    @Option(names = "--seeds", defaultValue = "seeds", description = "The seeds folder to rewrite (default: ${DEFAULT-VALUE}).")
    Path seeds;

    /** One number of the grouping: its 2024 municipality, name, and the years it was valid (null: unbounded). */
    record Number(String group, String code, String name, Integer from, Integer to) {
        boolean current() {
            return to == null;
        }
    }

    /** One line of region_code_changes.csv. */
    record Change(String oldCode, String newCode, int firstYear, String oldName, String source) {
    }

    @Override
    public Integer call() throws IOException {
        List<Number> numbers;
        try (InputStream in = Files.newInputStream(xlsx)) {
            numbers = read(in);
        }
        Path regions = seeds.resolve("regions.csv");
        Files.writeString(regions, regionsCsv(numbers, Files.readAllLines(regions, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        Files.writeString(seeds.resolve("region_code_changes.csv"), changesCsv(changes(numbers)), StandardCharsets.UTF_8);
        Path members = seeds.resolve("group_members.csv");
        Files.writeString(members, membersCsv(numbers, Files.readAllLines(members, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        System.out.printf("%d municipalities, %d code changes, %d counties written to %s%n",
                numbers.stream().filter(Number::current).count(), changes(numbers).size(), COUNTIES.size(), seeds);
        return 0;
    }

    private static final Pattern YEARS = Pattern.compile("\\s*\\((\\d{4})?-(\\d{4})\\)\\s*$");

    static List<Number> read(InputStream xlsx) throws IOException {
        List<Number> numbers = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (Workbook workbook = new XSSFWorkbook(xlsx)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                String group = text.formatCellValue(row.getCell(0)).trim();
                String code = text.formatCellValue(row.getCell(2)).trim();
                String label = text.formatCellValue(row.getCell(3)).trim();
                // Svalbard, Jan Mayen and the continental shelf (K.21-22, K.23) are no municipalities.
                if (row.getRowNum() == 0 || !code.matches("\\d{4}") || code.equals("9999") || !group.matches("K\\.(\\d{4}|Rest)")) {
                    continue;
                }
                Matcher years = YEARS.matcher(label);
                boolean dated = years.find();
                Integer from = dated && years.group(1) != null ? Integer.valueOf(years.group(1)) : null;
                Integer to = dated ? Integer.valueOf(years.group(2)) : null;
                if (to != null && to < FIRST_YEAR - 1) {
                    continue;
                }
                numbers.add(new Number(group.replace("K.", ""), code, dated ? label.substring(0, years.start()).trim() : label, from, to));
            }
        }
        return numbers;
    }

    /**
     * Every number that ended from 2014 on, to its successor: the number of its group that starts the next year (of
     * the same name where several do), else the group's 2024 number; then the {@link #SUPPLEMENT}.
     */
    static List<Change> changes(List<Number> numbers) {
        Map<String, List<Number>> groups = new TreeMap<>();
        numbers.forEach(n -> groups.computeIfAbsent(n.group(), k -> new ArrayList<>()).add(n));
        Map<String, Number> byCode = new LinkedHashMap<>();
        numbers.forEach(n -> byCode.put(n.code(), n));
        List<Change> changes = new ArrayList<>();
        groups.forEach((group, members) -> {
            Number today = members.stream().filter(Number::current).findFirst().orElse(null);
            for (Number n : members) {
                if (n.current() || today == null || REPLACED.contains(n.code())) {
                    continue; // K.Rest: the supplement says where these went
                }
                int next = n.to() + 1;
                List<Number> starting = members.stream().filter(m -> m.from() != null && m.from() == next).toList();
                List<Number> candidates = new ArrayList<>(starting);
                if (next == CURRENT_YEAR || starting.isEmpty() || starting.stream().noneMatch(m -> sameName(m, n))) {
                    candidates.add(today);
                }
                Number successor = candidates.stream().filter(m -> sameName(m, n)).findFirst()
                        .orElse(starting.size() == 1 ? starting.get(0) : today);
                changes.add(new Change(n.code(), successor.code(), next, n.name(), GROUPING));
            }
        });
        for (String[] s : SUPPLEMENT) {
            Number old = byCode.get(s[0]);
            changes.add(new Change(s[0], s[1], Integer.parseInt(s[2]), old == null ? "" : old.name(), s[3]));
        }
        changes.sort(Comparator.comparingInt(Change::firstYear).thenComparing(Change::newCode).thenComparing(Change::oldCode));
        return changes;
    }

    private static boolean sameName(Number a, Number b) {
        return firstWord(a.name()).equals(firstWord(b.name()));
    }

    private static String firstWord(String name) {
        return name.split("[ (-]")[0];
    }

    /** The municipality rows replaced, every other row (the groups) kept, the county groups added once. */
    static String regionsCsv(List<Number> numbers, List<String> before) {
        StringBuilder out = new StringBuilder(before.get(0)).append('\n');
        numbers.stream().filter(Number::current).sorted(Comparator.comparing(Number::code)).forEach(n ->
                out.append(n.code()).append(',').append(csv(n.name())).append(",municipality,")
                        .append(csv("county " + n.code().substring(0, 2) + " " + COUNTIES.get(n.code().substring(0, 2)) + "; " + GROUPING))
                        .append('\n'));
        before.stream().skip(1).filter(line -> !line.contains(",municipality,") && !line.startsWith("F-")).forEach(line -> out.append(line).append('\n'));
        COUNTIES.forEach((code, name) -> out.append("F-").append(code).append(',').append(csv(name)).append(",group,")
                .append(csv("county " + code + " from 2024 (KLASS 104); StatBank codelist agg_KommFylker names it F-" + code)).append('\n'));
        return out.toString();
    }

    static String changesCsv(List<Change> changes) {
        StringBuilder out = new StringBuilder("old_code,new_code,first_year_of_new_code,old_name,source\n");
        changes.forEach(c -> out.append(c.oldCode()).append(',').append(c.newCode()).append(',').append(c.firstYear()).append(',')
                .append(csv(c.oldName())).append(',').append(csv(c.source())).append('\n'));
        return out.toString();
    }

    /** The county memberships (from 2024, by number) replaced, every other membership kept. */
    static String membersCsv(List<Number> numbers, List<String> before) {
        StringBuilder out = new StringBuilder(before.get(0)).append('\n');
        before.stream().skip(1).filter(line -> !line.startsWith("F-")).forEach(line -> out.append(line).append('\n'));
        numbers.stream().filter(Number::current).sorted(Comparator.comparing(Number::code)).forEach(n ->
                out.append("F-").append(n.code(), 0, 2).append(',').append(n.code()).append(',').append(CURRENT_YEAR)
                        .append(",,county from 2024 by municipality number\n"));
        return out.toString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static Map<String, String> counties() {
        Map<String, String> m = new LinkedHashMap<>();
        String[][] all = {{"03", "Oslo"}, {"11", "Rogaland"}, {"15", "Møre og Romsdal"}, {"18", "Nordland"}, {"31", "Østfold"},
                {"32", "Akershus"}, {"33", "Buskerud"}, {"34", "Innlandet"}, {"39", "Vestfold"}, {"40", "Telemark"}, {"42", "Agder"},
                {"46", "Vestland"}, {"50", "Trøndelag"}, {"55", "Troms"}, {"56", "Finnmark"}};
        for (String[] c : all) {
            m.put(c[0], c[1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
