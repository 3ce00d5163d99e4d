package io.cmeautopilot.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cmeautopilot.testing.Dirs;
import io.cmeautopilot.testing.Node;
import io.cmeautopilot.testing.PostgresTestResource;

/**
 * The container as the Dockerfile and compose file describe it, without a Docker engine: the
 * packaged service laid out as the image's COPY lines put it, started by the image's entry point
 * with the image's and the compose file's environment (the database and port pointed at the
 * test's), on this machine's JDK of the release the image names. It serves, compiles the rule
 * book's alpha network (a JDK's javax.tools at work) and passes the compose file's health check,
 * which fails once the service is gone. The base image itself (its OS, its JDK build) is not tested.
 */
class DockerImageIT {

    static final String KEY = "image-test-admin-key-0123456789abcdef";

    @Test
    void the_image_entry_point_on_its_jdk_serves_compiles_the_alpha_network_and_passes_the_health_check() throws Exception {
        ImageFiles image = ImageFiles.runtimeStage();
        assumeTrue(Runtime.version().feature() == image.javaRelease(),
                "this JVM is not the Java release the image names: the comparison would not be like for like");
        Path app = Path.of("target", "image", "app").toAbsolutePath();
        Dirs.delete(app.getParent());
        Dirs.copy(Path.of("target", "quarkus-app"), app);
        Dirs.copy(Path.of("rules"), app.resolve("rules"));

        JsonNode compose = ImageFiles.compose().path("services").path("app");
        PostgresTestResource database = new PostgresTestResource();
        Map<String, String> db = database.start();
        Map<String, String> env = new HashMap<>(image.env);
        compose.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        env.put("DB_URL", db.get("quarkus.datasource.jdbc.url"));
        env.put("DB_USER", db.get("quarkus.datasource.username"));
        env.put("DB_PASSWORD", "");
        env.put("CME_BOOTSTRAP_ADMIN_KEY", KEY);
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        List<String> entrypoint = image.entrypoint.stream().map(a -> a.replace(image.workdir + "/", app + "/")).toList();
        String healthCheck = compose.path("healthcheck").path("test").get(3).asText();

        long start = System.nanoTime();
        Node node = Node.start("image", app, env, entrypoint);
        try {
            System.out.printf("The image's entry point was ready after %.1f s (%s)%n", (System.nanoTime() - start) / 1e9,
                    node.logText().lines().filter(l -> l.contains("started in")).findFirst().orElse("?"));
            List<Map<String, Object>> warnings = node.api().get("/api/rules").then().statusCode(200).extract().jsonPath()
                    .getList("warnings");
            assertThat(warnings).noneMatch(w -> "engine".equals(w.get("code")));
            assertThat(node.logText()).doesNotContain("could not compile the alpha network");
            assertThat(bash(healthCheck.replace("127.0.0.1/8080", "127.0.0.1/" + node.port))).as("health check").isZero();
        } finally {
            node.close();
            database.stop();
        }
        assertThat(bash(healthCheck.replace("127.0.0.1/8080", "127.0.0.1/" + node.port))).as("health check, service gone")
                .isNotZero();
    }

    private static int bash(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        p.getInputStream().transferTo(System.out);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
