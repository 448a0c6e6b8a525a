package dev.phylo.functions.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for Neon's scale-to-zero: a loopback port that refuses connections until {@link #openIn} has waited,
 * then forwards every connection to the real test database.
 */
final class WakingProxy {

    private static int port;
    private static String targetHost;
    private static int target;
    private static volatile ServerSocket server;
    private static final Set<Socket> OPEN = ConcurrentHashMap.newKeySet();

    private WakingProxy() {}

    static synchronized int reserve(String targetHost, int targetPort) {
        if (port == 0) {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        WakingProxy.targetHost = targetHost;
        target = targetPort;
        return port;
    }

    /** Asleep now (the port closed, every proxied connection dropped); accepting after {@code delay}. */
    static void openIn(Duration delay) {
        close();
        Thread opener = new Thread(
                () -> {
                    try {
                        Thread.sleep(delay.toMillis());
                        ServerSocket s = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
                        server = s;
                        while (!s.isClosed()) {
                            Socket client = s.accept();
                            Socket upstream = new Socket(targetHost, target);
                            OPEN.add(client);
                            OPEN.add(upstream);
                            pump(client, upstream);
                            pump(upstream, client);
                        }
                    } catch (IOException | InterruptedException e) {
                        // closed by close() or the test ended
                    }
                },
                "waking-proxy");
        opener.setDaemon(true);
        opener.start();
    }

    static void close() {
        for (Socket socket : OPEN) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        OPEN.clear();
        ServerSocket s = server;
        server = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException e) {
                        // connection closed by either side
                    } finally {
                        try {
                            to.close();
                            from.close();
                        } catch (IOException ignored) {
                            // closing
                        }
                    }
                },
                "waking-proxy-pump");
        t.setDaemon(true);
        t.start();
    }
}
