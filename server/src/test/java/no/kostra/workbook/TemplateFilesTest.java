package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An analyst's edited copy replaces the designed template. */
class TemplateFilesTest {
    private static final ReportTemplate GRUNNSKOLE = new ReportTemplate("grunnskole", "Grunnskole", "GRS", "Grunnskole",
            "grunnskole.xlsx", List.of(new TemplatePart.Profile("GRS", "Grunnskole", "Profil"), new TemplatePart.Efficiency("GRS")));

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
    void withoutAnEditedCopyTheTemplateIsDesigned() {
        TemplateFiles files = new TemplateFiles(name -> Optional.empty(), this::design);

        assertThat(new String(files.bytes(GRUNNSKOLE), StandardCharsets.UTF_8)).startsWith("designed [Profile[profileCode=GRS");
        assertThat(designs).hasValue(1);
    }

    @Test
    void nothingIsPackagedBesideTheReadmeSoEveryTemplateIsDesigned() {
        assertThat(TemplateFiles.PACKAGED.apply("kommunehelse.xlsx")).isEmpty();
        assertThat(TemplateFiles.PACKAGED.apply("sammendrag.xlsx")).isEmpty();
    }
}
