package io.millwright.bench.boot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;

/**
 * Runs Karaf shell commands over SSH in-process, keeping one session open between commands so
 * that polling costs one exec channel, not one handshake.
 */
final class KarafShell implements AutoCloseable {

    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration AUTH = Duration.ofSeconds(10);
    private static final Duration COMMAND = Duration.ofSeconds(30);

    private final SshClient client;
    private final int port;
    private final String user;
    private final String password;
    private ClientSession session;

    KarafShell(int port, String user, String password) {
        this.port = port;
        this.user = user;
        this.password = password;
        this.client = SshClient.setUpDefaultClient();
        // A benchmark host key changes with every fresh copy; neither ~/.ssh/config nor the
        // user's own keys may take part.
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.start();
    }

    /** Output of the command (stdout and stderr together); throws if SSH or login is not there yet. */
    String run(String command) throws IOException {
        ClientSession open = session();
        try (ChannelExec channel = open.createExecChannel(command)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            channel.setOut(out);
            channel.setErr(out);
            channel.open().verify(COMMAND);
            var events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), COMMAND);
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                throw new IOException("'" + command + "' on port " + port + " did not finish in " + COMMAND);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            dropSession();
            throw e;
        }
    }

    private ClientSession session() throws IOException {
        if (session != null && session.isOpen() && session.isAuthenticated()) {
            return session;
        }
        dropSession();
        ClientSession fresh = client.connect(user, "127.0.0.1", port).verify(CONNECT).getSession();
        try {
            fresh.addPasswordIdentity(password);
            fresh.auth().verify(AUTH);
        } catch (IOException | RuntimeException e) {
            fresh.close(true);
            throw e;
        }
        session = fresh;
        return session;
    }

    private void dropSession() {
        if (session != null) {
            session.close(true);
            session = null;
        }
    }

    @Override
    public void close() {
        dropSession();
        client.stop();
    }
}
