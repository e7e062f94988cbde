/** Cost distribution splits: shares of expenses per organisational unit, and home-care costs split by hours. Pure. */
package no.kostra.compute.splits;
