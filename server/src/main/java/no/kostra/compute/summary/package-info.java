/** The summary across service areas: each area's levels against ASSS, and three findings drawn from them. Pure. */
package no.kostra.compute.summary;
