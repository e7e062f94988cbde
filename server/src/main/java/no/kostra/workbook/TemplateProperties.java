package no.kostra.workbook;

/** Custom document properties the designer writes into each template (File › Properties › Custom in Excel). */
public final class TemplateProperties {
    public static final String TEMPLATE_ID = "KostraMalId";
    public static final String TEMPLATE_VERSION = "KostraMalVersjon";

    private TemplateProperties() {
    }
}
