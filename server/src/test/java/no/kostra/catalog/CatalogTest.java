package no.kostra.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import no.kostra.errors.NotFoundException;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private final Catalog catalog = new Catalog(
            List.of(new Region("3201", "Bærum", RegionKind.MUNICIPALITY), new Region("3203", "Asker", RegionKind.MUNICIPALITY),
                    new Region("0301", "Oslo", RegionKind.MUNICIPALITY), new Region("ASSS", "ASSS-snitt", RegionKind.GROUP)),
            List.of(new CodeChange("0219", "3024", 2020), new CodeChange("3024", "3201", 2024),
                    new CodeChange("0220", "3025", 2020), new CodeChange("3025", "3203", 2024)),
            List.of(new GroupMembership("ASSS", "3201", 2000, null), new GroupMembership("ASSS", "0301", 2000, null),
                    new GroupMembership("ASSS", "3203", 2022, null)),
            List.of(), List.of(), List.of());

    @Test
    void everyNumberBaerumHasHadFindsBaerum() {
        assertThat(catalog.findRegion("3201")).map(Region::name).contains("Bærum");
        assertThat(catalog.findRegion("3024")).map(Region::code).contains("3201");
        assertThat(catalog.findRegion("0219")).map(Region::code).contains("3201");
        assertThat(catalog.codesOf("3201")).containsExactlyInAnyOrder("3201", "3024", "0219");
    }

    @Test
    void theCodeInUseDependsOnTheYear() {
        assertThat(catalog.codeInYear("3201", 2024)).isEqualTo("3201");
        assertThat(catalog.codeInYear("3201", 2023)).isEqualTo("3024");
        assertThat(catalog.codeInYear("3201", 2019)).isEqualTo("0219");
        assertThat(catalog.codeInYear("0301", 2019)).isEqualTo("0301");
    }

    @Test
    void groupMembershipIsByYear() {
        assertThat(catalog.membersOf("ASSS", 2021)).containsExactlyInAnyOrder("3201", "0301");
        assertThat(catalog.membersOf("ASSS", 2022)).containsExactlyInAnyOrder("3201", "0301", "3203");
    }

    @Test
    void anUnknownRegionIsNamedInTheError() {
        assertThatThrownBy(() -> catalog.requireRegion("9999"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Fant ingen kommune med nummer 9999. Kommunene og numrene deres står i /api/regions.");
    }

    @Test
    void aCodeHistoryThatLeadsNowhereIsRefused() {
        assertThatThrownBy(() -> new Catalog(List.of(new Region("3201", "Bærum", RegionKind.MUNICIPALITY)),
                List.of(new CodeChange("3024", "9999", 2024)), List.of(), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Code history leads from 3024 to 9999, which is not a known region");
    }
}
