/** What the figures are about: regions and their code history, groups by year, service profiles, indicators. */
package no.kostra.catalog;
