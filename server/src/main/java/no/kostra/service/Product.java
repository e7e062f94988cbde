package no.kostra.service;

/** What the product is called where a person reads it: a workbook's source line, the command line, the start-up line. */
public final class Product {
    public static final String NAME = "Kostra-arbeidsbenken";

    private Product() {
    }
}
