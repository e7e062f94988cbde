/** Stored facts: a value or an SSB status symbol for (indicator, region, year), and published group figures. */
package no.kostra.observation;
