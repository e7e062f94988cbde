package no.kostra.workbook.roundtrip;

/** A row a person typed into a filled table below or between the service's rows. */
public record AddedRow(String sheet, String cell, String table, String text) {
}
