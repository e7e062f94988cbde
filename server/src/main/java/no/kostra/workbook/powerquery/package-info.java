/**
 * Workbooks that refresh themselves: the flat tables the data route answers, and the Power Query parts (DataMashup,
 * connections, query tables) added to a filled workbook so Excel's Data → Refresh All reloads its tables from the service.
 */
package no.kostra.workbook.powerquery;
