package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While {@code serve} holds the embedded database, H2 serves it to commands run beside it on a port named in its lock
 * file (issue 20, item 4): that port listens on loopback only, and it refuses the old login ({@code sa}, empty
 * password), while the service's own password, read from the data folder, gets in.
 */
class EmbeddedDatabaseServedIT {
    @TempDir
    Path dir;

    @Test
    void theDatabasePortOfARunningServiceListensOnLoopbackOnlyAndRefusesTheEmptyPassword() throws Exception {
        Path data = dir.resolve("data");
        ServedDatabase database = ServedDatabase.embedded(data);
        try (ServeProcess serve = ServeProcess.start(database, dir.resolve("serve.log"))) {
            String lock = Files.readString(data.resolve("kostra.lock.db"), StandardCharsets.ISO_8859_1);
            Matcher server = Pattern.compile("server=[^\\n]*?(\\d+)\\s*$", Pattern.MULTILINE).matcher(lock);
            assertThat(server.find()).as(lock).isTrue();
            int port = Integer.parseInt(server.group(1));

            assertThat(listeners(port)).as("addresses listening on the database port").isNotEmpty()
                    .allSatisfy(address -> assertThat(address).isIn("0100007F", "0000000000000000FFFF00000100007F",
                            "00000000000000000000000001000000"));
            for (InetAddress outside : nonLoopbackAddresses()) {
                assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress(outside, port), 2000))
                        .as("connecting from " + outside).isInstanceOf(java.io.IOException.class);
            }
            assertThatThrownBy(() -> DriverManager.getConnection(database.settings().jdbcUrl(), "sa", "").close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(28000));
            try (var c = database.connect()) {
                assertThat(ServedDatabase.number(c, "select count(*) from region")).isPositive();
            }
        }
    }

    /** The local addresses (hex, as /proc/net shows them) of the sockets listening on the port. */
    private static List<String> listeners(int port) throws Exception {
        List<String> addresses = new ArrayList<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (f[3].equals("0A") && local[1].equals(hexPort)) {
                    addresses.add(local[0]);
                }
            }
        }
        return addresses;
    }

    private static List<InetAddress> nonLoopbackAddresses() throws Exception {
        List<InetAddress> out = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    out.add(address);
                }
            }
        }
        return out;
    }
}
