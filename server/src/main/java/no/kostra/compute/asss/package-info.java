/** ASSS comparisons computed from member values: weighted and flat means, highest, lowest, rank, discrepancies. Pure. */
package no.kostra.compute.asss;
