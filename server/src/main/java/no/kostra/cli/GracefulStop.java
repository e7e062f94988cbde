package no.kostra.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Stops {@code serve} once, letting running requests finish, on SIGTERM (a service manager stopping it) or SIGINT
 * (Ctrl-C), and then exits with 0. The signal is caught before the JVM begins to shut down because H2, in mixed mode,
 * closes the database in a shutdown hook of its own, which would otherwise run beside the drain and close the
 * database under an import still being written. Any other way the JVM ends runs the same stop from a shutdown hook.
 */
final class GracefulStop {
    private final Runnable stop;
    private final AtomicBoolean started = new AtomicBoolean();

    GracefulStop(Runnable stop) {
        this.stop = stop;
    }

    void onSignals() {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> new Thread(() -> {
                run();
                System.exit(0);
            }, "kostra-stop").start());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::run, "kostra-shutdown"));
    }

    private void run() {
        if (started.compareAndSet(false, true)) {
            stop.run();
        }
    }
}
