package no.kostra.workbook;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a template's bytes come from: an analyst's edited copy under the template's file name when there is one, else
 * the template as designed from its definition (which the catalogue gives: a new area, sheet title or series indicator
 * is a new definition, so nothing designed is older than the catalogue). Thread-safe.
 */
public final class TemplateFiles {
    /** Edited copies packaged in the jar under {@link ReportTemplates#RESOURCE_FOLDER}. */
    public static final Function<String, Optional<byte[]>> PACKAGED = fileName -> {
        String resource = ReportTemplates.RESOURCE_FOLDER + fileName;
        try (InputStream in = TemplateFiles.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Reading template " + resource, e);
        }
    };

    private final Function<String, Optional<byte[]>> edited;
    private final Function<ReportTemplate, byte[]> designer;
    private final Cache<String, Optional<byte[]>> editedByName = Caffeine.newBuilder().maximumSize(256).build();

    /**
     * @param edited   an edited copy by file name, if there is one (read once per name: the files do not change while
     *                 the service runs)
     * @param designer designs a template from its definition; it may be slow (POI), so it should remember its designs
     */
    public TemplateFiles(Function<String, Optional<byte[]>> edited, Function<ReportTemplate, byte[]> designer) {
        this.edited = edited;
        this.designer = designer;
    }

    public byte[] bytes(ReportTemplate template) {
        return editedByName.get(template.fileName(), edited).orElseGet(() -> designer.apply(template));
    }
}
