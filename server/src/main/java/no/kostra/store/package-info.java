/** Database access and migrations: embedded H2 by default, PostgreSQL for many users. Plain JDBC, one transaction per write. */
package no.kostra.store;
