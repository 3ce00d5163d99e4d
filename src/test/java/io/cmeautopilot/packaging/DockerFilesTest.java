package io.cmeautopilot.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The image and compose files say what the service needs (no Docker engine is needed to check this). */
class DockerFilesTest {

    @Test
    void the_runtime_image_is_a_jdk_of_the_release_the_service_is_compiled_for() throws IOException {
        ImageFiles image = ImageFiles.runtimeStage();
        // A JDK: the rule book's alpha network is compiled with javax.tools (jdk.compiler), which a JRE lacks.
        assertThat(image.base).matches("eclipse-temurin:\\d+-jdk");
        Matcher release = Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(release.find()).isTrue();
        assertThat(image.javaRelease()).isEqualTo(Integer.parseInt(release.group(1)));
        assertThat(image.workdir).isEqualTo("/app");
        assertThat(image.copies).anySatisfy(c -> assertThat(c).contains("/build/target/quarkus-app/ /app/"))
                .anySatisfy(c -> assertThat(c).endsWith("rules /app/rules"));
        assertThat(image.env).containsEntry("CME_EMBEDDED_POSTGRES_ENABLED", "false");
        assertThat(image.entrypoint).last().asString().contains("-jar /app/quarkus-run.jar");
    }

    @Test
    void the_compose_file_is_valid_yaml_with_health_checks_a_database_volume_and_the_app_waiting_for_the_database()
            throws IOException {
        JsonNode compose = ImageFiles.compose();
        JsonNode postgres = compose.path("services").path("postgres");
        JsonNode app = compose.path("services").path("app");
        List<String> volumes = new ArrayList<>();
        postgres.path("volumes").forEach(v -> volumes.add(v.asText()));
        assertThat(volumes).contains("pgdata:/var/lib/postgresql/data");
        assertThat(compose.path("volumes").has("pgdata")).isTrue();
        assertThat(postgres.path("healthcheck").path("test").toString()).contains("pg_isready");
        assertThat(app.path("depends_on").path("postgres").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(app.path("environment").path("DB_URL").asText()).isEqualTo("jdbc:postgresql://postgres:5432/cme");
        JsonNode check = app.path("healthcheck");
        // bash, not CMD-SHELL: /dev/tcp is a bash feature and the image's /bin/sh (dash) has none.
        assertThat(check.path("test").get(0).asText()).isEqualTo("CMD");
        assertThat(check.path("test").get(1).asText()).isEqualTo("bash");
        assertThat(check.path("test").get(3).asText()).contains("/q/health/ready");
        assertThat(check.path("start_period").asText()).isNotEmpty();
    }
}
