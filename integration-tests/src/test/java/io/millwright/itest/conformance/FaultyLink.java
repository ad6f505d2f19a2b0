package io.millwright.itest.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP link between a driver and its peer on loopback that a test can break the way plant
 * networks break: cut every open connection (the driver must reconnect), go away altogether
 * (connections refused until it is back), or answer slowly (every chunk from the peer delayed).
 * Protocol-blind, so the same faults hit Modbus, OPC UA and MQTT alike.
 */
public final class FaultyLink implements AutoCloseable {

    private final int peerPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "itest-faulty-link");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong delayMs = new AtomicLong();
    private final AtomicInteger accepted = new AtomicInteger();
    private final int port;
    private volatile ServerSocket server;

    /** Listens on a free loopback port and forwards to {@code peerPort}. */
    public FaultyLink(int peerPort) throws IOException {
        this.peerPort = peerPort;
        ServerSocket s = listen(0);
        this.port = s.getLocalPort();
        start(s);
    }

    /** The port drivers connect to. */
    public int port() {
        return port;
    }

    /** Connections accepted so far: each reconnect of the driver is one more. */
    public int accepted() {
        return accepted.get();
    }

    /** Closes every open connection at once; new connections are accepted as before. */
    public void cut() {
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    /** Stops listening and cuts every connection: the peer is gone. */
    public synchronized void down() {
        ServerSocket s = server;
        server = null;
        closeQuietly(s);
        cut();
    }

    /** Listens again on the same port. */
    public synchronized void up() throws IOException {
        if (server == null) {
            start(listen(port));
        }
    }

    /** Delays every chunk the peer sends by {@code ms} (0: no delay). */
    public void slow(long ms) {
        delayMs.set(ms);
    }

    @Override
    public void close() throws InterruptedException {
        down();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    private void start(ServerSocket s) {
        server = s;
        threads.execute(() -> {
            while (!s.isClosed()) {
                try {
                    Socket driver = s.accept();
                    Socket peer;
                    try {
                        peer = new Socket(InetAddress.getLoopbackAddress(), peerPort);
                    } catch (IOException e) {
                        closeQuietly(driver);
                        continue;
                    }
                    driver.setTcpNoDelay(true);
                    peer.setTcpNoDelay(true);
                    open.add(driver);
                    open.add(peer);
                    threads.execute(() -> pump(driver, peer, false));
                    threads.execute(() -> pump(peer, driver, true));
                    // counted once cut() can reach it: counted on accept, a test that cut right after
                    // seeing the count missed this connection, and the driver had no reason to reconnect
                    accepted.incrementAndGet();
                } catch (IOException e) {
                    // closed by down()
                }
            }
        });
    }

    private void pump(Socket from, Socket to, boolean fromPeer) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                long delay = fromPeer ? delayMs.get() : 0;
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (SocketException e) {
            // cut, or the other side closed
        } catch (IOException e) {
            // the same, seen from the stream
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // closing is all that is wanted
            }
        }
    }
}
