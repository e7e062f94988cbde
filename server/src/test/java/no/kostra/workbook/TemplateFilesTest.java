package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An analyst's edited copy replaces the designed template; a design is made once per template definition. */
class TemplateFilesTest {
    private static final ReportTemplate GRUNNSKOLE = new ReportTemplate("grunnskole", "Grunnskole", "GRS", "Grunnskole",
            "grunnskole.xlsx", List.of(new TemplatePart.Profile("GRS", "Grunnskole", "Profil"), new TemplatePart.Efficiency("GRS")));
    private static final ReportTemplate RENAMED = new ReportTemplate("grunnskole", "Grunnskole", "GRS", "Grunnskole",
            "grunnskole.xlsx", List.of(new TemplatePart.Profile("GRS", "Grunnskole", "Profil grunnskole"),
            new TemplatePart.Efficiency("GRS")));

    private final AtomicInteger designs = new AtomicInteger();

    private byte[] design(ReportTemplate template) {
        designs.incrementAndGet();
        return ("designed " + template.parts()).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEditedCopyUnderTheTemplatesFileNameIsUsedInsteadOfTheDesign() {
        byte[] edited = "edited in Excel".getBytes(StandardCharsets.UTF_8);
        TemplateFiles files = new TemplateFiles(name -> Optional.ofNullable(Map.of("grunnskole.xlsx", edited).get(name)), this::design);

        assertThat(files.bytes(GRUNNSKOLE)).isEqualTo(edited);
        assertThat(designs).hasValue(0);
    }

    @Test
    void aTemplateIsDesignedOnceAndAgainOnlyWhenItsDefinitionChanges() {
        TemplateFiles files = new TemplateFiles(name -> Optional.empty(), this::design);

        byte[] first = files.bytes(GRUNNSKOLE);
        byte[] again = files.bytes(new ReportTemplate("grunnskole", "Grunnskole", "GRS", "Grunnskole", "grunnskole.xlsx",
                List.copyOf(GRUNNSKOLE.parts())));
        byte[] renamed = files.bytes(RENAMED);

        assertThat(again).isSameAs(first);
        assertThat(new String(renamed, StandardCharsets.UTF_8)).contains("Profil grunnskole");
        assertThat(designs).hasValue(2);
    }

    @Test
    void nothingIsPackagedBesideTheReadmeSoEveryTemplateIsDesigned() {
        assertThat(TemplateFiles.PACKAGED.apply("kommunehelse.xlsx")).isEmpty();
        assertThat(TemplateFiles.PACKAGED.apply("sammendrag.xlsx")).isEmpty();
    }
}
