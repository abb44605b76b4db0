package dev.baton.bundle;

import dev.baton.util.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bundle serve} facing clients that open a connection and stall: partial request lines, partial headers,
 * a promised body that never comes, or nothing at all. With 200 of them open, /health and /predict still answer
 * at once (the JDK's server gave each a thread of a pool of four: four such clients stopped it).
 */
class SlowClientsTest {

    @TempDir
    static Path dir;
    static BundleServer server;

    @BeforeAll
    static void start() throws Exception {
        Path file = dir.resolve("p.baton");
        BundleExporter.export(Bundles.request(dev.baton.report.PenguinsReport.project(), "logistic-regression"), file, Progress.NONE);
        server = BundleServer.start(Bundle.open(file), "127.0.0.1", 0, 1 << 20);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Socket open() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
        return s;
    }

    /** A whole request on a fresh connection; returns the status line and the time it took in milliseconds. */
    private static Object[] request(String raw) throws IOException {
        long start = System.nanoTime();
        try (Socket s = open()) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            return new Object[]{line.toString().strip(), (System.nanoTime() - start) / 1_000_000};
        }
    }

    @Test
    void twoHundredStalledConnectionsDoNotStopTheServer() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        String[] kinds = {
                "POST /predict HTTP/1.1\r\nHost: x\r\n",                                   // headers never finished
                "GET /heal",                                                                // request line cut short
                "POST /predict HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"Isl",  // a body that never comes
                ""};                                                                        // connected, silent
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = open();
                s.getOutputStream().write(kinds[i % kinds.length].getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            Thread.sleep(300);
            request("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); // warm
            String record = BundleServerTest.ADELIE;
            long worst = 0;
            for (int i = 0; i < 10; i++) {
                Object[] health = request("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                assertThat((String) health[0]).isEqualTo("HTTP/1.1 200 OK");
                Object[] predict = request("POST /predict HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + record.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + record);
                assertThat((String) predict[0]).isEqualTo("HTTP/1.1 200 OK");
                worst = Math.max(worst, Math.max((Long) health[1], (Long) predict[1]));
            }
            System.out.println("slowest /health or /predict answer with 200 stalled connections open: " + worst + " ms");
            assertThat(worst).as("slowest answer with 200 stalled connections open, ms").isLessThan(100);
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }
}
