package no.kostra.cli;

import picocli.CommandLine.Command;

@Command(name = "report")
final class ReportCommand implements Runnable {
    @Override
    public void run() {
    }
}
