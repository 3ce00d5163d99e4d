package io.cmeautopilot.cluster;

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
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** One instance of the packaged service ({@code java -jar target/quarkus-app/quarkus-run.jar}) in its own process. */
final class Node implements AutoCloseable {

    static final String ADMIN_KEY = "cluster-test-admin-key-0123456789abcdef";
    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    final String name;
    final int port;
    final Path log;
    private final Process process;

    private Node(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a node on a free port against the given database and waits until it is ready. */
    static Node start(String name, String dbUrl, String dbUser, Map<String, String> settings) throws IOException {
        int port = freePort();
        Path log = Path.of("target", "cluster", "node-" + name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString())).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("DB_URL", dbUrl);
        env.put("DB_USER", dbUser);
        env.put("DB_PASSWORD", "");
        env.put("PORT", String.valueOf(port));
        env.put("NODE_ID", "node-" + name);
        env.put("CME_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY);
        env.put("CME_EMBEDDED_POSTGRES_ENABLED", "false");
        env.put("RULES_DIR", Path.of("rules").toAbsolutePath().toString());
        env.putAll(settings);
        Node node = new Node(name, port, log, builder.start());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(node::ready);
        return node;
    }

    RequestSpecification api() {
        return RestAssured.given().baseUri("http://localhost:" + port).header("Authorization", "Bearer " + ADMIN_KEY);
    }

    /** Kills the process at once (SIGKILL): no shutdown hook, no clean release of anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops the process where it stands (SIGSTOP): it can send nothing more until {@link #thaw()}. */
    void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a frozen process go on (SIGCONT). */
    void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " exited with " + exit);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    String logText() throws IOException {
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
