package io.cmeautopilot.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * RestAssured with credentials. {@link #given()} calls as the suite's bootstrap admin (the key is
 * set in application.properties for the test profile); {@link #as(String)} with any key;
 * {@link #anonymous()} with none. Keys are real: created through the API and stored hashed.
 */
public final class Api {

    public static final String ADMIN_KEY = "test-admin-key-for-the-test-suite-only-0123456789";
    private static final Map<String, String> MACHINE_KEYS = new ConcurrentHashMap<>();

    private Api() {
    }

    public static RequestSpecification given() {
        return as(ADMIN_KEY);
    }

    public static RequestSpecification as(String key) {
        return RestAssured.given().header("Authorization", "Bearer " + key);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }

    /** A machine key holding exactly these roles (one per role set, reused across tests). */
    public static String keyWithRoles(String... roles) {
        List<String> sorted = Arrays.stream(roles).sorted().toList();
        return MACHINE_KEYS.computeIfAbsent(String.join(",", sorted), k -> createKey(null, sorted));
    }

    /** A new user with these roles and team, and a key of theirs. */
    public static String userKey(String username, String team, String... roles) {
        Map<String, Object> user = new java.util.HashMap<>(Map.of("roles", List.of(roles)));
        if (team != null) {
            user.put("team", team);
        }
        given().contentType(ContentType.JSON).body(user).when().put("/api/users/" + username)
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
        return createKey(username, List.of(roles));
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String createKey(String owner, List<String> roles) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", uniqueName("test"), "roles", roles));
        if (owner != null) {
            body.put("owner", owner);
        }
        return given().contentType(ContentType.JSON).body(body).when().post("/api/keys")
                .then().statusCode(201).extract().jsonPath().getString("key");
    }
}
