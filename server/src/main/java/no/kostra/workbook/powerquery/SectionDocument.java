package no.kostra.workbook.powerquery;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import no.kostra.auth.ReadKey;

/**
 * The Power Query (M) section a workbook carries ({@code Formulas/Section1.m}): one shared query per table, named as the
 * table. Each reads its data route as JSON (numbers arrive as numbers, so no culture is involved; a status symbol stays
 * text), keeps the columns the table loads in the table's order, types the text and number columns, and names the
 * year columns as the table does. A figure column stays untyped: it holds a number or a status symbol, as filled.
 * The route is called as {@code Web.Contents(service, [RelativePath, Query])}, so Excel asks for one sign-in for the
 * service, and with {@code ApiKeyName} so a <em>Web API</em> key is sent as {@code kostra_key}; no key is in the file.
 */
final class SectionDocument {
    static final String SECTION = "Section1";
    /** The steps of every query, in order; the metadata names them too. */
    static final List<String> STEPS = List.of("Svar", "Rader", "Typer", "Overskrifter");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SectionDocument() {
    }

    static String of(URI service, List<QueryBinding> bindings) {
        StringBuilder m = new StringBuilder("section ").append(SECTION).append(";\r\n");
        for (QueryBinding binding : bindings) {
            m.append("\r\nshared ").append(identifier(binding.query().table())).append(" = ").append(query(service, binding))
                    .append(";\r\n");
        }
        return m.toString();
    }

    private static String query(URI service, QueryBinding binding) {
        TableQuery query = binding.query();
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, String> p : query.parameters().entrySet()) {
            fields.add(identifier(p.getKey()) + " = " + text(p.getValue()));
        }
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> renames = new ArrayList<>();
        for (DataColumn c : binding.loaded()) {
            names.add(text(c.name()));
            type(c).ifPresent(t -> types.add("{" + text(c.name()) + ", " + t + "}"));
            if (!c.name().equals(c.header())) {
                renames.add("{" + text(c.name()) + ", " + text(c.header()) + "}");
            }
        }
        return "let\r\n"
                + "    Svar = Json.Document(Web.Contents(" + text(service.toString()) + ", [RelativePath = " + text(query.route().path())
                + ", Query = [" + String.join(", ", fields) + "], ApiKeyName = " + text(ReadKey.PARAMETER) + "])),\r\n"
                + "    Rader = Table.FromRecords(Svar[rows], {" + String.join(", ", names) + "}, MissingField.Error),\r\n"
                + "    Typer = Table.TransformColumnTypes(Rader, {" + String.join(", ", types) + "}),\r\n"
                + "    Overskrifter = Table.RenameColumns(Typer, {" + String.join(", ", renames) + "})\r\n"
                + "in\r\n"
                + "    Overskrifter";
    }

    private static Optional<String> type(DataColumn column) {
        if (column.name().equals(DataTable.REVISION)) {
            return Optional.of("Int64.Type");
        }
        return switch (column.kind()) {
            case TEXT -> Optional.of("type text");
            case NUMBER -> Optional.of("type number");
            default -> Optional.empty();
        };
    }

    /** An M identifier: as it is when plain, else quoted ({@code #"Profil KHT"}). */
    static String identifier(String name) {
        return IDENTIFIER.matcher(name).matches() ? name : "#" + text(name);
    }

    /** An M text literal: quotes doubled, {@code #(} and control characters written as escapes. */
    static String text(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append("\"\"");
            } else if (c == '#' && i + 1 < value.length() && value.charAt(i + 1) == '(') {
                out.append("#(#)");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("#(%04X)", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
