/**
 * Emailed workbooks coming back: find what a person changed offline (corrected figures, comments, added rows),
 * decide each change (applied, conflict, rejected) and store the accepted ones in one transaction, keeping the
 * file and every decision for audit. Nothing that was accepted is ever lost; nothing is overwritten silently.
 */
package no.kostra.workbook.roundtrip;
