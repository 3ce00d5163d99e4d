package io.cmeautopilot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The ops and admin pages over plain HTTP: rules, versions, editor, runs, schedules, administration. */
@QuarkusTest
class OpsPagesTest {

    static final String BROKEN = """
            package rules.broken
            import io.cmeautopilot.rules.api.*

            rule "Broken: no such field"
            when
                $a : AccountFact( loginsPerFortnight > 3 )
            then
            end
            """;

    @Test
    void ops_read_the_rule_book_its_versions_and_a_diff() {
        ConsoleClient client = ConsoleClient.login(ConsoleClient.person("olga", null, Roles.OPS));
        Document rules = client.page("/console/rules");
        assertThat(rules.select("#active-version").text()).hasSize(12);
        assertThat(rules.select("#rules tbody tr")).isNotEmpty();
        assertThat(rules.select("#rules code").first().text()).matches(".+\\.drl:\\d+");
        String versionLink = rules.selectFirst("#versions tbody a").attr("href");
        Document diff = client.page(versionLink);
        assertThat(diff.select("h1").text()).startsWith("Rule book");
    }

    @Test
    void a_broken_drl_shows_its_file_and_line_and_activates_nothing() {
        ConsoleClient client = ConsoleClient.login(ConsoleClient.person("olga", null, Roles.OPS));
        Document editor = client.page("/console/rules/edit");
        assertThat(editor.select("#text").text()).contains("rule \"");
        String active = client.page("/console/rules").select("#active-version").text();
        Response checked = client.htmx("/console/rules/validate", Map.of("file", "broken.drl", "text", BROKEN));
        assertThat(checked.statusCode()).isEqualTo(200);
        Document result = Jsoup.parse(checked.asString());
        assertThat(result.select("#invalid")).hasSize(1);
        assertThat(result.select("#diagnostics code.location").eachText()).anyMatch(l -> l.startsWith("broken.drl:6:"));
        assertThat(client.page("/console/rules").select("#active-version").text()).isEqualTo(active);
        Response empty = client.htmx("/console/rules/validate", Map.of("file", "../etc/passwd", "text", "x"));
        assertThat(empty.statusCode()).isEqualTo(422);
    }

    @Test
    void runs_schedules_and_a_run_started_from_its_schedule() {
        ConsoleClient client = ConsoleClient.login(ConsoleClient.person("olga", null, Roles.OPS));
        Document schedules = client.page("/console/schedules");
        assertThat(schedules.select("#schedule-nightly h2").text()).startsWith("nightly");
        Response started = client.submit("/console/schedules/nightly/run", Map.of());
        assertThat(started.statusCode()).isEqualTo(303);
        Document run = client.page(started.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(run.select("#run-title").text()).startsWith("Run #");
        assertThat(client.page("/console/runs").select("#runs tbody tr")).isNotEmpty();
        Response bad = client.submit("/console/schedules/nightly", Map.of("cron", "every day", "version", "0"));
        assertThat(bad.statusCode()).isEqualTo(422);
    }

    @Test
    void admins_see_people_keys_endpoints_outbox_and_audit_and_ops_only_what_their_role_allows() {
        ConsoleClient admin = ConsoleClient.login(ConsoleClient.person("ada", null, Roles.ADMIN));
        assertThat(admin.get("/console").header("Location")).endsWith("/console/admin");
        assertThat(admin.page("/console/admin/users").select("#users tbody tr")).isNotEmpty();
        assertThat(admin.page("/console/admin/keys").select("#keys tbody tr")).isNotEmpty();
        admin.page("/console/admin/endpoints");
        admin.page("/console/admin/outbox");
        assertThat(admin.page("/console/admin/audit").select("#audit tbody tr")).isNotEmpty();
        String newcomer = Api.uniqueName("newbie");
        Response saved = admin.submit("/console/admin/users", Map.of("username", newcomer, "team", "emea", "role", "cme",
                "password", "long enough password"));
        assertThat(saved.statusCode()).isEqualTo(303);
        Api.given().get("/api/users/" + newcomer).then().statusCode(200);
        ConsoleClient ops = ConsoleClient.login(ConsoleClient.person("olga", null, Roles.OPS));
        ops.page("/console/admin/outbox");
        assertThat(ops.get("/console/admin/users").statusCode()).isEqualTo(403);
        ConsoleClient cme = ConsoleClient.login(ConsoleClient.person("carl", "emea", Roles.CME));
        assertThat(cme.get("/console/rules").statusCode()).isEqualTo(403);
        assertThat(cme.get("/console/runs").statusCode()).isEqualTo(403);
    }
}
