/**
 * The municipality's own-accounts tables (004): lines with sub-items, shares and yearly growth; full-time equivalents
 * per service with yearly change; long-term KPIs with target direction and trend; needs projections. Pure.
 */
package no.kostra.compute.accounts;
