/** Time series of an indicator for several regions, nominal or adjusted (deflator, expense need). Pure. */
package no.kostra.compute.series;
