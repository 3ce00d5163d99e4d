package io.cmeautopilot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.cmeautopilot.testing.Dirs;
import io.cmeautopilot.testing.Node;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The documentation's commands, run against the packaged service started as the README's quick
 * start says (no database configured, so the embedded PostgreSQL; the quick start's admin key), in
 * a scratch directory holding a copy of {@code rules/}: the README's tour block by block with bash
 * and curl exactly as written (only the port differs), the guides' shell examples, every DRL
 * example compiled, the common mistakes' diagnostics compared, the scenario and scorecard examples
 * checked. The packaged jar rather than a {@code @QuarkusTest}: the tour writes {@code rules/tour.drl}
 * for the service to load and talks to a real port with curl, as a newcomer does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocsCommandsIT {

    static final Path README = Path.of("README.md");
    static final Path AUTHORING = Path.of("docs", "authoring-rules.md");
    static final String TOUR = "A ten-minute tour";
    static final String MISTAKES = "Common mistakes and what they produce";

    static Path scratch;
    static String key;
    static Node node;

    @BeforeAll
    static void the_service_as_the_quick_start_starts_it() throws IOException {
        String quickStart = Markdown.read(README).blocks("Quick start", "bash").get(0).text();
        Matcher start = Pattern.compile("CME_BOOTSTRAP_ADMIN_KEY=(\\S+) \\./mvnw quarkus:dev").matcher(quickStart);
        assertThat(start.find()).as("the quick start runs the service with a bootstrap key").isTrue();
        key = start.group(1);
        scratch = Path.of("target", "docs-commands").toAbsolutePath();
        Dirs.delete(scratch);
        Dirs.copy(Path.of("rules"), scratch.resolve("rules"));
        node = Node.start("docs", scratch, Map.of("CME_BOOTSTRAP_ADMIN_KEY", key, "NODE_ID", "docs",
                "CME_EMBEDDED_POSTGRES_DATA_DIR", scratch.resolve("pgdata").toString(),
                "CME_EMBEDDED_POSTGRES_PORT", String.valueOf(Node.freePort())));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void the_readme_tour_runs_as_written_and_does_what_it_says() throws Exception {
        List<Markdown.CodeBlock> tour = Markdown.read(README).blocks(TOUR, "bash");
        assertThat(tour).hasSizeGreaterThanOrEqualTo(8);
        assertThat(tour.get(0).text()).as("the tour uses the quick start's key").contains("KEY=" + key + "\n");

        String output = runBash(tour);

        assertThat(output).contains("\"result\": \"ACTIVATED\"", "\"status\": \"SUCCEEDED\"", "\"status\": \"DONE\"",
                "\"outcome\": \"Called the sponsor: new admin, training booked\"");
        List<Map<String, Object>> queue = node.api().get("/api/tasks/queues/emea").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(queue).anySatisfy(t -> {
            assertThat((String) t.get("title")).matches("Not live \\d+ days after signup");
            assertThat(t).containsEntry("priority", "HIGH").containsEntry("assignee", "alice");
        }).anySatisfy(t -> assertThat(t).containsEntry("title", "Quarterly business review with Globex")
                .containsEntry("assignee", "bob"));
        long globex = node.api().get("/api/accounts/by-external-id/globex").then().statusCode(200).extract().jsonPath()
                .getLong("id");
        assertThat(node.api().get("/api/accounts/" + globex + "/health").then().statusCode(200).extract().jsonPath()
                .getInt("score")).isBetween(0, 100);
        assertThat(node.api().get("/api/rules").then().statusCode(200).extract().jsonPath().getList("rules.name", String.class))
                .isNotEmpty().noneMatch(name -> name.startsWith("Tour:"));
        assertThat(scratch.resolve("rules/tour.drl")).as("the tour tidies up").doesNotExist();
        assertThat(scratch.resolve("accounts.csv")).doesNotExist();
    }

    @Test
    @Order(2)
    void the_guides_shell_examples_that_talk_to_the_service_run() throws Exception {
        List<Markdown.CodeBlock> examples = new ArrayList<>();
        for (Path doc : DocsLinksTest.documents()) {
            Markdown.read(doc).blocks.stream()
                    .filter(b -> b.language().equals("bash") && b.text().contains("localhost:8080") && !b.section().equals(TOUR))
                    .forEach(examples::add);
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        for (Markdown.CodeBlock example : examples) {
            runBash(List.of(new Markdown.CodeBlock(example.file(), example.line(), example.section(), "bash",
                    "KEY=" + key + "\n" + example.text())));
        }
    }

    @Test
    @Order(3)
    void every_drl_example_compiles_and_each_common_mistake_gives_the_diagnostics_shown() throws IOException {
        int examples = 0;
        int mistakes = 0;
        for (Path doc : DocsLinksTest.documents()) {
            List<Markdown.CodeBlock> blocks = Markdown.read(doc).blocks;
            for (int i = 0; i < blocks.size(); i++) {
                Markdown.CodeBlock block = blocks.get(i);
                if (!block.language().equals("drl")) {
                    continue;
                }
                if (block.section().equals(MISTAKES)) {
                    Markdown.CodeBlock shown = blocks.get(i + 1);
                    assertThat(shown.language()).as("the diagnostics after " + block).isEqualTo("text");
                    assertThat(diagnostics("mine.drl", block.text())).as(block.toString()).isEqualTo(shown.text());
                    mistakes++;
                } else {
                    assertThat(diagnostics("example.drl", block.text())).as(block.toString()).doesNotContain("ERROR");
                    examples++;
                }
            }
        }
        assertThat(examples).isPositive();
        assertThat(mistakes).isGreaterThanOrEqualTo(5);
    }

    @Test
    @Order(4)
    void the_scenario_and_scorecard_examples_are_what_the_service_accepts() {
        Markdown authoring = Markdown.read(AUTHORING);
        String rule = authoring.blocks("The rule book", "drl").get(0).text();
        String scenarios = authoring.blocks("Scenario tests", "yaml").get(0).text();
        String scorecard = authoring.blocks("The health scorecard (`rules/scorecard.yaml`)", "yaml").get(0).text();

        JsonPath report = node.api().contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("churn.drl", rule), "scenarios", Map.of("tests/example.yaml", scenarios)))
                .post("/api/rules/test").then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("total")).isPositive();
        assertThat(report.getInt("failed")).as(report.prettify()).isZero();

        JsonPath check = node.api().contentType("application/yaml").body(scorecard.getBytes(StandardCharsets.UTF_8))
                .post("/api/health/scorecard/validate")
                .then().statusCode(200).extract().jsonPath();
        assertThat(check.getBoolean("valid")).as(check.prettify()).isTrue();
    }

    /** The diagnostics of validating one DRL file, one per line, as the guide shows them. */
    static String diagnostics(String file, String drl) {
        List<Map<String, Object>> found = node.api().contentType(ContentType.JSON).body(Map.of("files", Map.of(file, drl)))
                .post("/api/rules/validate").then().statusCode(200).extract().jsonPath().getList("diagnostics");
        return found.stream().map(d -> d.get("severity") + " " + d.get("file") + ":" + d.get("line") + ":" + d.get("column")
                + " [" + d.get("code") + "] " + d.get("message") + "\n").collect(Collectors.joining());
    }

    /**
     * Runs the blocks in one bash, in the scratch directory, as written except for the port; curl
     * fails on HTTP errors. Returns the output; fails the test with it when a command fails.
     */
    static String runBash(List<Markdown.CodeBlock> blocks) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("set -euo pipefail\ncurl() { command curl --fail-with-body \"$@\"; }\n");
        for (Markdown.CodeBlock block : blocks) {
            script.append("echo '>>> ").append(block.file()).append(':').append(block.line()).append("'\n")
                    .append(block.text().replace("localhost:8080", "localhost:" + node.port));
        }
        Path file = Files.writeString(scratch.resolve("commands.sh"), script);
        Path log = scratch.resolve("commands.log");
        Process bash = new ProcessBuilder("bash", file.toString()).directory(scratch.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = bash.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            bash.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        assertThat(done).as("the commands finished within 5 minutes:\n" + output).isTrue();
        assertThat(bash.exitValue()).as("the commands ran without error:\n" + output).isZero();
        return output;
    }
}
