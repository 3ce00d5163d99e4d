package io.cmeautopilot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Walks every operation of the OpenAPI document: each must declare roles (or be on the short
 * public list), refuse a caller without credentials (401) and a caller with none of its roles (403).
 * A new endpoint that forgets its roles fails here.
 */
@QuarkusTest
class EndpointGuardTest {

    /** Operations anybody may call: logging in. */
    private static final Set<String> PUBLIC = Set.of("POST /api/session");

    @Test
    void every_operation_is_guarded_by_explicit_roles() {
        Map<String, Map<String, Map<String, Object>>> paths = Api.anonymous().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                return;
            }
            String name = method.toUpperCase() + " " + path;
            checked.add(name);
            if (PUBLIC.contains(name)) {
                return;
            }
            List<String> roles = rolesOf(operation);
            if (roles == null) {
                problems.add(name + ": declares no roles");
                return;
            }
            String url = path.replaceAll("\\{(id|accountId)}", "1").replaceAll("\\{[^}]+}", "x");
            String mediaType = mediaTypeOf(operation);
            int anonymous = call(Api.anonymous(), method, url, mediaType).statusCode();
            if (anonymous != 401) {
                problems.add(name + ": answered " + anonymous + " without credentials");
            }
            // An empty list means "any authenticated caller" (e.g. who-am-I): nobody to refuse.
            List<String> others = roles.isEmpty() ? List.of()
                    : Roles.ALL.stream().filter(r -> !roles.contains(r)).sorted().toList();
            if (!others.isEmpty()) {
                Response denied = call(Api.as(Api.keyWithRoles(others.toArray(String[]::new))), method, url, mediaType);
                if (denied.statusCode() != 403) {
                    problems.add(name + ": answered " + denied.statusCode() + " to roles " + others);
                } else if (!denied.contentType().startsWith("application/problem+json")) {
                    problems.add(name + ": 403 is not problem+json");
                }
            }
        }));
        assertThat(problems).isEmpty();
        assertThat(checked).contains("GET /api/accounts", "POST /api/signals/usage-events", "POST /api/keys",
                "GET /api/audit", "PUT /api/users/{username}");
    }

    @SuppressWarnings("unchecked")
    private static List<String> rolesOf(Map<String, Object> operation) {
        List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) operation.get("security");
        if (security == null || security.isEmpty()) {
            return null;
        }
        return security.get(0).values().iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static String mediaTypeOf(Map<String, Object> operation) {
        Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
        if (body == null || body.get("content") == null) {
            return "application/json";
        }
        return ((Map<String, Object>) body.get("content")).keySet().iterator().next();
    }

    private static Response call(io.restassured.specification.RequestSpecification spec, String method, String url,
            String mediaType) {
        spec = mediaType.startsWith("multipart/") ? spec.multiPart("file", "x.csv", "a,b\n".getBytes())
                : spec.contentType(mediaType).body(mediaType.contains("json") ? "{}".getBytes() : "x".getBytes()); // bytes: any media type
        return switch (method) {
            case "get" -> spec.when().get(url);
            case "post" -> spec.when().post(url);
            case "put" -> spec.when().put(url);
            case "patch" -> spec.when().patch(url);
            default -> spec.when().delete(url);
        };
    }
}
