/**
 * Bokmål sentences a report writer can start from, computed from the numbers: "Bærum ligger 14 prosent over
 * ASSS-snittet …", "… en nedgang på 1,3 prosentpoeng fra 2023". Percent of a value and percentage points are never
 * confused; numbers are in the Norwegian format. Pure.
 */
package no.kostra.compute.narrative;
