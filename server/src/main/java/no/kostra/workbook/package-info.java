/**
 * Report workbooks: templates designed in Excel (found by table and defined names, never by cell address), filled
 * with profile and series figures as live formulas, and stamped with a signed provenance map.
 */
package no.kostra.workbook;
