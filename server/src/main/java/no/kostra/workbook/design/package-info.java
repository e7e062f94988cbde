/**
 * The template designer: writes the report templates in {@code workbook-templates/} with POI, as an analyst would
 * build them in Excel (tables, defined names, named charts, number formats, print setup). Re-run it with
 * {@code kostra-server design-templates}; after that the .xlsx files are the source and may be edited in Excel.
 */
package no.kostra.workbook.design;
