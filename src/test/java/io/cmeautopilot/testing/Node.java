package io.cmeautopilot.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * One instance of the packaged service ({@code java -jar target/quarkus-app/quarkus-run.jar}) in its own
 * process, started the way an operator starts it: environment variables, a working directory, a port.
 */
public final class Node implements AutoCloseable {

    public static final String ADMIN_KEY = "cluster-test-admin-key-0123456789abcdef";
    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final Set<String> INHERITED_SETTINGS = Set.of("DB_URL", "DB_USER", "DB_PASSWORD", "RULES_DIR");

    public final String name;
    public final int port;
    public final Path log;
    private final String adminKey;
    private final Process process;

    private Node(String name, int port, Path log, String adminKey, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.adminKey = adminKey;
        this.process = process;
    }

    /** Starts a node on a free port against the given database and waits until it is ready. */
    public static Node start(String name, String dbUrl, String dbUser, Map<String, String> settings) throws IOException {
        Map<String, String> env = new HashMap<>(Map.of("DB_URL", dbUrl, "DB_USER", dbUser, "DB_PASSWORD", "",
                "NODE_ID", "node-" + name, "CME_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY, "CME_EMBEDDED_POSTGRES_ENABLED", "false",
                "RULES_DIR", Path.of("rules").toAbsolutePath().toString()));
        env.putAll(settings);
        return start(name, Path.of("."), env);
    }

    /**
     * Starts a node on a free port with these environment variables (they must hold
     * {@code CME_BOOTSTRAP_ADMIN_KEY}) in this working directory, and waits until it is ready.
     */
    public static Node start(String name, Path workingDirectory, Map<String, String> settings) throws IOException {
        return start(name, workingDirectory, settings, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toAbsolutePath().toString()));
    }

    /** The same with the command that starts the service, e.g. a container image's entry point. */
    public static Node start(String name, Path workingDirectory, Map<String, String> settings, List<String> command)
            throws IOException {
        int port = freePort();
        Path log = Path.of("target", "nodes", "node-" + name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeAll(INHERITED_SETTINGS); // a node sees only the database and rules its settings name
        env.putAll(settings);
        env.put("PORT", String.valueOf(port));
        Node node = new Node(name, port, log, settings.get("CME_BOOTSTRAP_ADMIN_KEY"), builder.start());
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(node::ready);
        return node;
    }

    public RequestSpecification api() {
        return RestAssured.given().baseUri("http://localhost:" + port).header("Authorization", "Bearer " + adminKey);
    }

    /** Kills the process at once (SIGKILL): no shutdown hook, no clean release of anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops the process where it stands (SIGSTOP): it can send nothing more until {@link #thaw()}. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a frozen process go on (SIGCONT). */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " exited with " + exit);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + "; see " + log);
        }
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
