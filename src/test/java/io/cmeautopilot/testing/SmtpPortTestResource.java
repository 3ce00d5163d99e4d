package io.cmeautopilot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the service's mailer at a free port on 127.0.0.1, where tests that need e-mail start a real
 * SMTP server (GreenMail) themselves, and stop it to play an SMTP outage. Read the port from the
 * {@code quarkus.mailer.port} setting.
 */
public class SmtpPortTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(probe.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the test SMTP server", e);
        }
    }

    @Override
    public void stop() {
        // Nothing runs here: each test starts and stops its own SMTP server.
    }
}
