package no.kostra.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.ProfileDefinition;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionKind;
import no.kostra.compute.barometer.Place;
import no.kostra.store.ReferenceRows;
import no.kostra.text.NorwegianList;

/**
 * The analysis tables among the seed files (efficiency statements, cost distributions, stated figures, own accounts,
 * KPIs) and the reference data that can also be imported on its own (deflators, expense-need indices, efficiency
 * weights, home-care hours). Each file is optional; every row is checked before anything is written, and an error
 * names the file, line and column.
 */
public final class AnalysisSeeds {
    public static final String DEFLATORS = "deflators.csv";
    public static final String EXPENSE_NEED = "expense_need.csv";
    public static final String EFFICIENCY_COMPONENTS = "efficiency_components.csv";
    /** KS's published cost, production and efficiency statements, for any year (the seeds hold the reports'). */
    public static final String EFFICIENCY_STATEMENTS = "efficiency.csv";
    public static final String HOME_CARE_HOURS = "home_care_hours.csv";
    /** Kommunebarometeret's places as the analyst copies them (the seeds hold 003's). */
    public static final String KOMMUNEBAROMETER = "kommunebarometer.csv";

    /** The row's line in its file: tables come back in the order the report prints them. */
    private static final String ROW_ORDER = "row_order";

    static final List<String> FILES = List.of(EFFICIENCY_STATEMENTS, "cost_distribution.csv", "cost_shares.csv",
            "stated_figures.csv", "accounts_lines.csv", "accounts_fte.csv", "accounts_printed_checks.csv", "kpi.csv",
            DEFLATORS, EXPENSE_NEED, EFFICIENCY_COMPONENTS, HOME_CARE_HOURS, KOMMUNEBAROMETER);

    /** The width of {@code kommunebarometer.sector} (migration V101). */
    private static final int MAX_SECTOR = 100;

    /** A component given without a first year holds from the beginning. */
    public static final int FIRST_YEAR = 1990;

    private AnalysisSeeds() {
    }

    /** Every optional analysis file present among the seeds, parsed. */
    static List<ReferenceRows> parse(SeedFiles seeds, Catalog catalog) {
        List<ReferenceRows> out = new ArrayList<>();
        for (String name : FILES) {
            String text = seeds.optionalText(name);
            if (text != null) {
                out.add(parse(name, text, catalog));
            }
        }
        return out;
    }

    /** Parses one analysis file by its name (deflators.csv, expense_need.csv, …). */
    public static ReferenceRows parse(String name, String text, Catalog catalog) {
        Spec spec = SPECS.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("Not an analysis file: " + name + " (expected one of " + FILES + ")");
        }
        CsvTable table = CsvTable.parse(name, text, Set.copyOf(spec.csvColumns));
        List<List<Object>> rows = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            List<Object> values = new ArrayList<>(spec.row.apply(new Cells(row, catalog)));
            values.add((int) row.line());
            rows.add(values);
        }
        List<String> columns = new ArrayList<>(spec.columns);
        columns.add(ROW_ORDER);
        return new ReferenceRows(spec.table, columns, spec.key, rows);
    }

    private record Spec(String table, List<String> csvColumns, List<String> columns, List<String> key,
                        Function<Cells, List<Object>> row) {
    }

    private static Spec spec(String table, String csvColumns, String columns, String key, Function<Cells, List<Object>> row) {
        return new Spec(table, List.of(csvColumns.split(",")), List.of(columns.split(",")), List.of(key.split(",")), row);
    }

    private static final Map<String, Spec> SPECS = Map.ofEntries(
            Map.entry(DEFLATORS, spec("deflator", "year,deflator_percent,source", "ref_year,rate,source", "ref_year",
                    c -> List.of(c.year("year"), c.number("deflator_percent") / 100.0, c.text("source")))),
            Map.entry(EXPENSE_NEED, spec("expense_need", "region,area,year,need_index,source",
                    "region_code,area,ref_year,need_index,source", "region_code,area,ref_year",
                    c -> List.of(c.region("region"), c.text("area"), c.year("year"), c.positive("need_index"), c.text("source")))),
            Map.entry(EFFICIENCY_COMPONENTS, spec("efficiency_component", "area,role,indicator,weight,source",
                    "area,role,indicator_id,weight,source,first_year,last_year", "area,indicator_id,first_year",
                    c -> Arrays.asList(c.text("area"), c.oneOf("role", "cost", "production"), c.indicator("indicator"),
                            c.optionalNumber("weight"), c.text("source"), c.yearOr("first_year", FIRST_YEAR),
                            c.lastYear("last_year", "first_year", FIRST_YEAR)))),
            Map.entry(HOME_CARE_HOURS, spec("home_care_hours", "region,year,profile,hours,source",
                    "region_code,ref_year,profile,hours,source", "region_code,ref_year,profile",
                    c -> List.of(c.region("region"), c.year("year"), c.profile("profile"),
                            c.nonNegative("hours"), c.text("source")))),
            Map.entry(EFFICIENCY_STATEMENTS, spec("efficiency_statement", "area,region,year,measure,kind,value,source,quote",
                    "area,region_code,ref_year,measure,kind,num_value,source,quote", "area,region_code,ref_year,measure,kind",
                    c -> Arrays.asList(c.text("area"), c.region("region"), c.year("year"),
                            c.oneOf("measure", "cost", "production", "efficiency", "efficiency_as_printed"),
                            c.oneOf("kind", "level_percent", "change_pp"), c.number("value"), c.text("source"), c.optional("quote")))),
            Map.entry(KOMMUNEBAROMETER, spec("kommunebarometer", "year,municipality,sector,rank,of,grade,source",
                    "ref_year,region_code,sector,rank_place,rank_of,grade,source", "ref_year,region_code,sector",
                    c -> Arrays.asList(c.year("year"), c.municipality("municipality"), c.sector("sector"), c.place("rank", "of"),
                            c.count("of"), c.optionalNumber("grade"), c.text("source")))),
            Map.entry("cost_distribution.csv", spec("cost_distribution", "table,function,unit,year,value,source,note",
                    "table_name,function_code,unit_name,ref_year,num_value,source,note", "table_name,function_code,unit_name,ref_year",
                    c -> Arrays.asList(c.text("table"), c.text("function"), c.text("unit"), c.year("year"), c.number("value"),
                            c.text("source"), c.optional("note")))),
            Map.entry("cost_shares.csv", spec("cost_share", "chart,function,year,unit,share_percent,source,note",
                    "chart,function_code,ref_year,unit_name,share_percent,source,note", "chart,function_code,ref_year,unit_name",
                    c -> Arrays.asList(c.text("chart"), c.text("function"), c.year("year"), c.text("unit"),
                            c.optionalNumber("share_percent"), c.text("source"), c.optional("note")))),
            Map.entry("stated_figures.csv", spec("stated_figure", "source,area,indicator,region,year,kind,value,quote",
                    "source,area,indicator_id,region_code,ref_year,kind,num_value,quote", "source,area,region_code,ref_year,kind",
                    c -> Arrays.asList(c.text("source"), c.text("area"), c.optional("indicator"), c.regionOrAsPrinted("region"),
                            c.year("year"), c.oneOf("kind", "deviation_percent", "deviation_pp", "change_pp", "change_percent", "rank"),
                            c.number("value"), c.optional("quote")))),
            Map.entry("accounts_lines.csv", spec("accounts_line", "area,table,line,parent,year,value,unit,source",
                    "area,table_name,line,parent,ref_year,num_value,unit,source", "area,table_name,line,ref_year",
                    c -> Arrays.asList(c.text("area"), c.text("table"), c.text("line"), c.optional("parent"), c.year("year"),
                            c.number("value"), c.text("unit"), c.text("source")))),
            Map.entry("accounts_fte.csv", spec("accounts_fte", "area,service,year,value,source",
                    "area,service,ref_year,num_value,source", "area,service,ref_year",
                    c -> List.of(c.text("area"), c.text("service"), c.year("year"), c.number("value"), c.text("source")))),
            Map.entry("accounts_printed_checks.csv", spec("accounts_printed_check", "area,table,line,year,kind,value,source",
                    "area,table_name,line,ref_year,kind,num_value,source", "area,table_name,line,ref_year,kind",
                    c -> List.of(c.text("area"), c.text("table"), c.text("line"), c.year("year"), c.text("kind"),
                            c.number("value"), c.text("source")))),
            Map.entry("kpi.csv", spec("kpi", "area,kpi,direction,year,value,unit,source,note",
                    "area,kpi,direction,ref_year,num_value,unit,source,note", "area,kpi,ref_year",
                    c -> Arrays.asList(c.text("area"), c.text("kpi"), c.direction("direction"), c.year("year"),
                            c.number("value"), c.text("unit"), c.text("source"), c.optional("note")))));

    /** One row's cells, read with checks whose errors name the file, line and column. */
    private record Cells(CsvTable.Row row, Catalog catalog) {
        String text(String column) {
            return row.required(column);
        }

        String optional(String column) {
            return row.optional(column);
        }

        Integer year(String column) {
            int year = row.integer(column);
            if (year < 1990 || year > 2100) {
                throw new IllegalStateException(row.where(column) + ": ventet et år fra 1990 til 2100, fant " + year);
            }
            return year;
        }

        /** A year, or {@code fallback} when the column is absent or empty. */
        Integer yearOr(String column, int fallback) {
            return row.optional(column) == null ? fallback : year(column);
        }

        /** The last year of a span, or null when it is open; never before the span's first year. */
        Integer lastYear(String column, String firstColumn, int firstFallback) {
            if (row.optional(column) == null) {
                return null;
            }
            int last = year(column);
            int first = yearOr(firstColumn, firstFallback);
            if (last < first) {
                throw new IllegalStateException(row.where(column) + ": siste år " + last + " er før første år " + first);
            }
            return last;
        }

        Double number(String column) {
            Double value = row.optionalNumber(column);
            if (value == null) {
                throw new IllegalStateException(row.where(column) + ": verdi mangler");
            }
            return value;
        }

        Double optionalNumber(String column) {
            return row.optionalNumber(column);
        }

        Double positive(String column) {
            return atLeastZero(column, false);
        }

        Double nonNegative(String column) {
            return atLeastZero(column, true);
        }

        private Double atLeastZero(String column, boolean zeroAllowed) {
            double value = number(column);
            if (value < 0 || (value == 0 && !zeroAllowed)) {
                throw new IllegalStateException(row.where(column) + ": ventet et tall " + (zeroAllowed ? "på 0 eller mer" : "over 0")
                        + ", fant " + value);
            }
            return value;
        }

        Integer direction(String column) {
            String value = text(column);
            return switch (value) {
                case "1", "+1" -> 1;
                case "-1" -> -1;
                default -> throw new IllegalStateException(row.where(column) + ": ventet +1 eller -1, fant '" + value + "'");
            };
        }

        String oneOf(String column, String... allowed) {
            String value = text(column);
            if (!Arrays.asList(allowed).contains(value)) {
                throw new IllegalStateException(row.where(column) + ": ventet en av " + String.join(", ", allowed)
                        + ", fant '" + value + "'");
            }
            return value;
        }

        /** The region's current code: 3024 in a 2023 row is stored as Bærum's 3201. */
        String region(String column) {
            String code = text(column);
            return catalog.findRegion(code).map(Region::code)
                    .orElseThrow(() -> new IllegalStateException(row.where(column) + ": ukjent region " + code));
        }

        /**
         * A municipality's current code, by any code it has had or by its name as printed or typed without æøå
         * ("Bærum", "baerum", "Tromsoe"); a name two municipalities share must be given as a code.
         */
        String municipality(String column) {
            String given = text(column);
            Region region = catalog.findRegion(given).orElseGet(() -> byName(column, given));
            if (region.kind() != RegionKind.MUNICIPALITY) {
                throw new IllegalStateException(row.where(column) + ": " + region.name() + " (" + region.code()
                        + ") er en gruppe, ikke en kommune");
            }
            return region.code();
        }

        private Region byName(String column, String given) {
            List<Region> named = catalog.regions().stream().filter(r -> folded(r.name()).equals(folded(given))).toList();
            // «Oslo» is the municipality and the county (a group) alike: the column names a municipality, as
            // catalog.RegionNames reads a typed name; a group alone by that name is refused by the caller
            List<Region> municipalities = named.stream().filter(r -> r.kind() == RegionKind.MUNICIPALITY).toList();
            if (municipalities.size() > 1) {
                throw new IllegalStateException(row.where(column) + ": navnet '" + given + "' har flere kommuner ("
                        + NorwegianList.and(municipalities.stream().map(r -> r.code() + " " + r.name()).toList())
                        + "); skriv kommunenummeret");
            }
            return municipalities.stream().findFirst().or(() -> named.stream().findFirst()).orElseGet(() -> byPartOfName(column, given));
        }

        /** «Trondheim» for «Trondheim - Tråante»: a part of a name, as the catalogue reads a typed name. */
        private Region byPartOfName(String column, String given) {
            try {
                return catalog.requireRegion(given);
            } catch (no.kostra.errors.NotFoundException e) {
                throw new IllegalStateException(row.where(column) + ": ukjent kommune '" + given
                        + "'; skriv kommunenummeret eller navnet som i katalogen");
            } catch (no.kostra.errors.InvalidInputException e) {
                throw new IllegalStateException(row.where(column) + ": " + e.getMessage());
            }
        }

        /** A name compared without case, accents or æøå: "Bærum", "BAERUM" and "baerum" are one name. */
        private static String folded(String name) {
            String lower = name.strip().toLowerCase(java.util.Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
            return java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        }

        /** A sector as the barometer prints it; the overall ranking is {@link Place#TOTAL} however it is written. */
        String sector(String column) {
            String sector = text(column);
            if (sector.length() > MAX_SECTOR) {
                throw new IllegalStateException(row.where(column) + ": sektoren har " + sector.length() + " tegn; den kan ha høyst "
                        + MAX_SECTOR);
            }
            return sector.equalsIgnoreCase(Place.TOTAL) ? Place.TOTAL : sector;
        }

        /** A place from 1 to the number ranked (in {@code ofColumn}). */
        Integer place(String column, String ofColumn) {
            int place = row.integer(column);
            if (place < 1) {
                throw new IllegalStateException(row.where(column) + ": ventet en plass fra 1, fant " + place);
            }
            int of = count(ofColumn);
            if (place > of) {
                throw new IllegalStateException(row.where(column) + ": plass " + place + " er etter siste plass " + of
                        + " (kolonne " + ofColumn + ")");
            }
            return place;
        }

        /** How many were ranked: 1 or more. */
        Integer count(String column) {
            int count = row.integer(column);
            if (count < 1) {
                throw new IllegalStateException(row.where(column) + ": ventet et antall fra 1, fant " + count);
            }
            return count;
        }

        /** A stated figure may name a region the catalogue lacks; it is then kept as printed. */
        String regionOrAsPrinted(String column) {
            String code = text(column);
            return catalog.findRegion(code).map(Region::code).orElse(code);
        }

        /** A service profile of the catalogue, by its code. */
        String profile(String column) {
            String code = text(column);
            return catalog.findProfile(code).map(ProfileDefinition::code).orElseThrow(() -> new IllegalStateException(
                    row.where(column) + ": ukjent tjenesteprofil " + code + "; profilene er "
                            + NorwegianList.and(catalog.profiles().stream().map(ProfileDefinition::code).toList())));
        }

        String indicator(String column) {
            String id = text(column);
            if (catalog.findIndicator(id).isEmpty()) {
                throw new IllegalStateException(row.where(column) + ": ukjent indikator " + id);
            }
            return id;
        }
    }
}
