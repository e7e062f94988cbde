/**
 * How the sentences a person reads are put together, shared by every package that writes one (errors, narrative,
 * command line): lists in bokmål («2022–2024», «a, b og c»). Depends on nothing else in the product.
 */
package no.kostra.text;
