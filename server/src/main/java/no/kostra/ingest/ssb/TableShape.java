package no.kostra.ingest.ssb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the catalogue knows of a StatBank table's variables ({@code seeds/statbank_tables.csv}): their ids in the table's
 * order, those StatBank lets a query leave out, the codes of those whose codes it lists, and whether the region
 * variable answers the comparison groups ({@code EKG01}, {@code EAK} …) or only region numbers (07459). A variable
 * without listed codes (regions, years, functions) is planned with exactly the codes the requests name, and StatBank
 * refuses one the table lacks ("Non-existent value"), whereupon the client asks the table's metadata. It spares a first
 * update one metadata call a table.
 */
public record TableShape(String table, List<Variable> variables, boolean comparisonGroups) {
    /** One variable: {@code codes} empty when the catalogue does not list them. */
    public record Variable(String id, boolean eliminable, List<String> codes) {
        public Variable {
            codes = List.copyOf(codes);
        }
    }

    public TableShape {
        variables = List.copyOf(variables);
        List<String> ids = variables.stream().map(Variable::id).toList();
        if (!ids.contains("ContentsCode") || !ids.contains("Tid")) {
            throw new IllegalArgumentException("Tabell " + table + " må ha variablene ContentsCode og Tid");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException("Tabell " + table + " har en variabel to ganger: " + ids);
        }
    }

    /**
     * The variables to plan the requests with: listed codes as listed, others with the codes the requests ask in the
     * order asked (regions without the groups where the table has none); empty when the shape cannot plan them: a
     * request leaves a variable the table cannot eliminate unnamed, or asks {@code *} of one whose codes are not listed.
     */
    Optional<SsbClient.Variables> variablesFor(List<SsbRequest> requests) {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        Set<String> eliminable = new HashSet<>();
        Set<String> asAsked = new HashSet<>();
        for (Variable variable : variables) {
            if (variable.eliminable()) {
                eliminable.add(variable.id());
            }
            if (!variable.codes().isEmpty()) {
                codes.put(variable.id(), variable.codes());
                continue;
            }
            Set<String> asked = new LinkedHashSet<>();
            for (SsbRequest request : requests) {
                List<String> wanted = switch (variable.id()) {
                    case "ContentsCode" -> request.contents();
                    case "Tid" -> request.years();
                    default -> request.fixed().get(variable.id());
                };
                if (wanted == null || wanted.equals(List.of(SsbClient.ALL))) {
                    if (variable.eliminable()) {
                        continue;
                    }
                    return Optional.empty();
                }
                boolean region = isRegionVariable(variable.id());
                wanted.stream().filter(code -> !region || comparisonGroups || isNumber(code)).forEach(asked::add);
            }
            codes.put(variable.id(), new ArrayList<>(asked));
            asAsked.add(variable.id());
        }
        return Optional.of(new SsbClient.Variables(codes, eliminable, asAsked));
    }

    /** Whether StatBank names regions by this variable: KOSTRA's {@code KOKkommuneregion0000}, else {@code Region}. */
    public static boolean isRegionVariable(String variable) {
        return SsbClient.GEO.contains(variable);
    }

    private static boolean isNumber(String code) {
        return !code.isEmpty() && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
