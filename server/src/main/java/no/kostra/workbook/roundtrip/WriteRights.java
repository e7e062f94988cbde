package no.kostra.workbook.roundtrip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kostra.auth.Caller;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Region;
import no.kostra.errors.ForbiddenException;

/**
 * Whether a signed-in caller may write what a returned workbook changes, checked per changed figure and comment by its
 * municipality: a Bærum workbook carries Asker's rows on its series sheet, and a Bærum editor may not change them. One
 * cell out of bounds refuses the whole workbook (403, every such cell listed), before anything is decided or stored,
 * so a person never has half a workbook applied. A null caller (the command line, a service without sign-in) passes.
 */
final class WriteRights {
    private WriteRights() {
    }

    /** Refuses a workbook made for, or changing a figure of, a municipality the caller may not change. */
    static void check(Caller caller, Catalog catalog, Region madeFor, List<Edit> edits) {
        if (caller == null) {
            return;
        }
        Caller current = caller.canonical(code -> catalog.findMunicipality(code).map(Region::code));
        if (!current.mayEdit(madeFor.code())) {
            throw new ForbiddenException(mayOnly(current, catalog) + "; arbeidsboken gjelder " + named(madeFor),
                    Map.of("region", madeFor.code(), "tokenFor", sorted(current)));
        }
        List<Map<String, String>> outside = new ArrayList<>();
        for (Edit edit : edits) {
            boolean writes = edit.kind() == Edit.Kind.VALUE || edit.kind() == Edit.Kind.COMMENT;
            if (writes && edit.region() != null) {
                Region region = catalog.requireRegion(edit.region());
                if (!current.mayEdit(region.code())) {
                    outside.add(cell(edit.sheet() + "!" + edit.cell(), region));
                }
            }
        }
        if (!outside.isEmpty()) {
            throw new ForbiddenException(mayOnly(current, catalog) + "; arbeidsboken endrer også tall for en annen kommune: "
                    + String.join(", ", outside.stream().map(c -> c.get("cell") + " (" + c.get("municipality") + ", "
                    + c.get("region") + ")").toList()) + ". Ingenting i arbeidsboken er lagret; send den uten disse"
                    + " endringene, eller be en som har rett til å endre dem",
                    Map.of("cells", outside, "tokenFor", sorted(current)));
        }
    }

    /** Refuses taking back an edit of a municipality the caller may not change. */
    static void checkUndo(Caller caller, Catalog catalog, StoredUpload.StoredEdit edit) {
        if (caller == null || edit.region() == null) {
            return;
        }
        Caller current = caller.canonical(code -> catalog.findMunicipality(code).map(Region::code));
        Region region = catalog.requireRegion(edit.region());
        if (!current.mayEdit(region.code())) {
            String where = edit.sheet() + "!" + edit.cell();
            throw new ForbiddenException(mayOnly(current, catalog) + "; endring " + edit.seq() + " gjelder " + where + " ("
                    + region.name() + ", " + region.code() + ") og kan ikke angres med dette tokenet",
                    Map.of("cells", List.of(cell(where, region)), "tokenFor", sorted(current)));
        }
    }

    private static Map<String, String> cell(String where, Region region) {
        Map<String, String> cell = new LinkedHashMap<>();
        cell.put("cell", where);
        cell.put("region", region.code());
        cell.put("municipality", region.name());
        return cell;
    }

    private static String mayOnly(Caller caller, Catalog catalog) {
        List<String> names = sorted(caller).stream().map(code -> named(catalog.requireRegion(code))).toList();
        String may = names.isEmpty() ? "ikke endre tall for noen kommune"
                : "bare endre tall for " + (names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " og " + names.get(names.size() - 1));
        return "Tokenet '" + caller.name() + "' kan " + may;
    }

    private static String named(Region region) {
        return region.name() + " (" + region.code() + ")";
    }

    private static List<String> sorted(Caller caller) {
        return caller.municipalities().stream().sorted().toList();
    }
}
