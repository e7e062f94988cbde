package no.kostra.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends a request exactly as written (a Host no client would let a test set, a broken chunked body) over a plain
 * socket, and reads the whole answer.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** An answer: its status, its header block in lower case, and its body. */
    public record Answer(int status, String head, String body) {
        public String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ": ";
            return head.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip()).findFirst()
                    .orElse(null);
        }

        /** The JSON object in the body (a chunked body's size lines around it left out). */
        public String json() {
            return body.contains("{") ? body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1) : body;
        }
    }

    /** Writes the request, stops sending (so a body cut short stays short) and reads until the server closes. */
    public static Answer send(int port, String request) throws IOException {
        return send(port, request.getBytes(StandardCharsets.UTF_8));
    }

    public static Answer send(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new AssertionError("No HTTP answer, only: " + response);
            }
            String head = response.substring(0, end).toLowerCase(Locale.ROOT);
            return new Answer(Integer.parseInt(head.split(" ")[1]), head, response.substring(end + 4));
        }
    }
}
