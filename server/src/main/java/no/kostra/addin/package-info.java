/** The Excel add-in's server side: the manifest rendered for this service's own address, the task pane's files, and the figures the worksheet functions ask for. */
package no.kostra.addin;
