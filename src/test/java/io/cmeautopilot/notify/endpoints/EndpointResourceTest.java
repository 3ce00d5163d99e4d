package io.cmeautopilot.notify.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.notify.Notify;
import io.cmeautopilot.notify.Receiver;
import io.cmeautopilot.notify.WebhookVerifier;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Registering, reading, changing, pausing and removing endpoints; secrets shown once; outbound safety. */
@QuarkusTest
class EndpointResourceTest {

    private final Receiver receiver = Receiver.accepting();

    @AfterEach
    void stop_receiver() {
        receiver.close();
    }

    @Test
    void the_secret_is_shown_at_creation_only_and_a_rotation_signs_with_both_secrets_during_the_grace_period() {
        String name = Api.uniqueName("crm");
        JsonPath created = Api.given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "WEBHOOK", "url", receiver.url(), "description", "CRM sync"))
                .when().post("/api/notify/endpoints").then().statusCode(201)
                .header("Location", containsString("/api/notify/endpoints/" + name)).header("ETag", "\"0\"")
                .extract().jsonPath();
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(created.getString("endpoint.state")).isEqualTo("ACTIVE");

        String read = Api.given().when().get("/api/notify/endpoints/" + name).then().statusCode(200)
                .body("signed", is(true)).body("description", is("CRM sync")).extract().asString();
        String listed = Api.given().when().get("/api/notify/endpoints").then().statusCode(200).extract().asString();
        assertThat(read).doesNotContain(secret.substring(6));
        assertThat(listed).doesNotContain(secret.substring(6)).contains(name);
        String audited = Api.given().queryParam("targetType", "notify-endpoint").when().get("/api/audit").then()
                .statusCode(200).extract().asString();
        assertThat(audited).contains(name).doesNotContain(secret.substring(6));

        String rotated = Api.given().when().post("/api/notify/endpoints/" + name + "/rotate-secret").then().statusCode(200)
                .body("endpoint.previousSecretValidUntil", not(nullValue())).extract().jsonPath().getString("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        long id = Notify.enqueue(Notify.toEndpoint(name, Api.uniqueName("rot")).build());
        Notify.awaitStatus(id, "DELIVERED");
        Receiver.Request request = receiver.requests().get(0);
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(WebhookVerifier.verifies(rotated, request, Instant.now(), Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookVerifier.verifies(secret, request, Instant.now(), Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void an_endpoint_can_be_changed_with_if_match_and_removed() {
        String name = Api.uniqueName("crm");
        Notify.webhook(name, receiver.url());
        Api.given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(Map.of("description", "x"))
                .when().patch("/api/notify/endpoints/" + name).then().statusCode(412);
        Api.given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("eventTypes", List.of("task.*", "offer.approved")))
                .when().patch("/api/notify/endpoints/" + name).then().statusCode(200).header("ETag", "\"1\"")
                .body("eventTypes", is(List.of("task.*", "offer.approved"))).body("url", is(receiver.url()));
        Api.given().when().delete("/api/notify/endpoints/" + name).then().statusCode(204);
        Api.given().when().get("/api/notify/endpoints/" + name).then().statusCode(404);
        Api.given().when().delete("/api/notify/endpoints/" + name).then().statusCode(404);
    }

    @Test
    void bad_endpoints_are_refused_with_a_problem_and_nothing_is_stored() {
        String name = Api.uniqueName("bad");
        Notify.webhook(name, receiver.url());
        Api.given().contentType(ContentType.JSON).body(Map.of("name", name, "kind", "WEBHOOK", "url", receiver.url()))
                .when().post("/api/notify/endpoints").then().statusCode(409);
        Api.given().contentType(ContentType.JSON).body(Map.of("name", "Bad Name!", "kind", "WEBHOOK", "url", receiver.url(),
                "eventTypes", List.of("Not A Type")))
                .when().post("/api/notify/endpoints").then().statusCode(422)
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("eventTypes[0]"));
        Api.given().contentType(ContentType.JSON).body(Map.of("name", "x", "kind", "CARRIER_PIGEON", "url", receiver.url()))
                .when().post("/api/notify/endpoints").then().statusCode(400);
        Api.given().contentType(ContentType.JSON).body(Map.of("name", "ftp-one", "kind", "WEBHOOK", "url", "ftp://example.com/x"))
                .when().post("/api/notify/endpoints").then().statusCode(422)
                .body("errors[0].message", is("must be an http or https URL"));
        Api.given().when().get("/api/notify/endpoints/ftp-one").then().statusCode(404);
        Api.given().when().post("/api/notify/endpoints/" + Api.uniqueName("none") + "/pause").then().statusCode(404);
    }

    @Test
    void urls_resolving_to_private_or_link_local_addresses_are_refused_while_loopback_is_allowed_by_the_test_configuration() {
        for (String url : List.of("http://10.1.2.3/hook", "http://192.168.1.10/hook", "http://172.16.0.1/hook",
                "http://100.64.0.1/hook", "http://[fd00::1]/hook")) {
            Api.given().contentType(ContentType.JSON).body(Map.of("name", Api.uniqueName("p"), "kind", "WEBHOOK", "url", url))
                    .when().post("/api/notify/endpoints").then().statusCode(422)
                    .body("errors[0].message", containsString("a private address"));
        }
        Api.given().contentType(ContentType.JSON)
                .body(Map.of("name", Api.uniqueName("meta"), "kind", "WEBHOOK", "url", "http://169.254.169.254/latest"))
                .when().post("/api/notify/endpoints").then().statusCode(422)
                .body("errors[0].message", containsString("link-local"));
        Api.given().contentType(ContentType.JSON)
                .body(Map.of("name", Api.uniqueName("zero"), "kind", "WEBHOOK", "url", "http://0.0.0.0:8080/"))
                .when().post("/api/notify/endpoints").then().statusCode(422)
                .body("errors[0].message", containsString("unspecified"));
        Api.given().contentType(ContentType.JSON)
                .body(Map.of("name", Api.uniqueName("loop"), "kind", "WEBHOOK", "url", receiver.url()))
                .when().post("/api/notify/endpoints").then().statusCode(201);
    }

    @Test
    void a_url_that_resolves_to_a_private_address_at_delivery_time_is_refused_and_dead_lettered() throws Exception {
        String name = Api.uniqueName("rebind");
        Notify.webhook(name, receiver.url());
        // As if DNS now answered a private address for the registered host.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container()
                .instance(EndpointService.class).get().getEntityManager()
                .createNativeQuery("UPDATE notify_endpoints SET url = 'http://10.9.8.7/hook' WHERE name = :name")
                .setParameter("name", name).executeUpdate());
        long id = Notify.enqueue(Notify.toEndpoint(name, Api.uniqueName("rebind")).build());
        JsonPath dead = Notify.awaitStatus(id, "DEAD");
        assertThat(dead.getString("message.lastError")).startsWith("refused: 10.9.8.7 resolves to 10.9.8.7, a private address");
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void a_paused_endpoint_holds_its_messages_without_attempts_until_it_is_resumed() {
        String name = Api.uniqueName("paused");
        Notify.webhook(name, receiver.url());
        String ops = Api.keyWithRoles(Roles.OPS);
        Api.as(ops).when().post("/api/notify/endpoints/" + name + "/pause").then().statusCode(200).body("state", is("PAUSED"));
        long id = Notify.enqueue(Notify.toEndpoint(name, Api.uniqueName("held")).build());

        org.awaitility.Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.requests().isEmpty());
        JsonPath held = Notify.message(id);
        assertThat(held.getString("message.status")).isEqualTo("PENDING");
        assertThat(held.getInt("message.attempts")).isZero();

        Api.as(ops).when().post("/api/notify/endpoints/" + name + "/resume").then().statusCode(200).body("state", is("ACTIVE"));
        Notify.awaitStatus(id, "DELIVERED");
        Api.as(ops).contentType(ContentType.JSON).body(Map.of("description", "no"))
                .when().patch("/api/notify/endpoints/" + name).then().statusCode(403);
    }

    @Test
    void an_endpoint_gets_only_the_event_types_it_subscribes_to() {
        String name = Api.uniqueName("tasks");
        Notify.webhook(name, receiver.url(), "task.*");
        long wanted = Notify.enqueue(Notify.toEndpoint(name, Api.uniqueName("t")).eventType("task.escalated").build());
        long unwanted = Notify.enqueue(Notify.toEndpoint(name, Api.uniqueName("o")).eventType("offer.approved").build());

        Notify.awaitStatus(wanted, "DELIVERED");
        JsonPath filtered = Notify.awaitStatus(unwanted, "FILTERED");
        assertThat(filtered.getString("message.lastError")).isEqualTo("endpoint " + name + " does not subscribe to offer.approved");
        assertThat(filtered.getList("attempts")).isEmpty();
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void operators_send_a_test_notification_to_check_the_wiring() {
        String name = Api.uniqueName("wired");
        String secret = Notify.webhook(name, receiver.url(), "offer.approved");
        JsonPath accepted = Api.as(Api.keyWithRoles(Roles.OPS)).contentType(ContentType.JSON).body(Map.of("endpoint", name))
                .when().post("/api/notify/test").then().statusCode(202)
                .header("Location", containsString("/api/notify/messages/")).body("eventType", is("notify.test"))
                .extract().jsonPath();
        Notify.awaitStatus(accepted.getLong("id"), "DELIVERED");
        assertThat(WebhookVerifier.verifies(secret, receiver.requests().get(0), Instant.now(), Duration.ofMinutes(5))).isTrue();

        Api.given().contentType(ContentType.JSON).body(Map.of("endpoint", "nobody-here")).when().post("/api/notify/test")
                .then().statusCode(404);
        Api.given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/notify/test").then().statusCode(422);
        Api.given().contentType(ContentType.JSON).body(Map.of("email", "not an address")).when().post("/api/notify/test")
                .then().statusCode(422);
    }

    @Test
    void slack_urls_are_never_shown_whole_and_slack_endpoints_have_no_secret() {
        String name = Api.uniqueName("slack");
        JsonPath created = Api.given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "SLACK", "url", receiver.url() + "/T000/B000/sekret"))
                .when().post("/api/notify/endpoints").then().statusCode(201).extract().jsonPath();
        assertThat(created.getString("secret")).isNull();
        assertThat(created.getString("endpoint.url")).isEqualTo("http://127.0.0.1/…");
        assertThat(Api.given().when().get("/api/notify/endpoints").then().extract().asString()).doesNotContain("sekret");
        Api.given().when().post("/api/notify/endpoints/" + name + "/rotate-secret").then().statusCode(409);
    }
}
