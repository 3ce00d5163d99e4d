package io.cmeautopilot.security;

import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;

/** With OIDC switched on by configuration, identity-provider tokens work beside API keys. */
@QuarkusTest
@TestProfile(OidcBearerTest.OidcOn.class)
class OidcBearerTest {

    static final String ISSUER = "https://idp.example.test/realms/cme";

    public static class OidcOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.public-key", pem("oidc/test-public.pem"),
                    "quarkus.oidc.token.issuer", ISSUER);
        }
    }

    static String token(String user, Set<String> groups, String team, long expiresInSeconds) {
        var claims = Jwt.issuer(ISSUER).preferredUserName(user).groups(groups).expiresIn(expiresInSeconds);
        if (team != null) {
            claims.claim("team", team);
        }
        return claims.sign(privateKey());
    }

    @Test
    void a_token_from_the_identity_provider_carries_user_roles_and_team() {
        String user = Api.uniqueName("olivia");
        String team = Api.uniqueName("west");
        long mine = Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", Api.uniqueName("oidc"), "name", "OIDC Co", "team", team))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        long other = Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", Api.uniqueName("oidc"), "name", "Not mine", "team", "elsewhere"))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        String cme = token(user, Set.of(Roles.CME), team, 300);
        Api.as(cme).when().get("/api/session").then().statusCode(200)
                .body("username", equalTo(user)).body("team", equalTo(team)).body("authMethod", equalTo("oidc"));
        Api.as(cme).when().get("/api/accounts/" + mine).then().statusCode(200);
        Api.as(cme).when().get("/api/accounts/" + other).then().statusCode(404);
        Api.as(cme).when().get("/api/users").then().statusCode(403);
        Api.as(token(user, Set.of(Roles.OPS), null, 300)).when().get("/api/accounts/" + other).then().statusCode(200);
    }

    @Test
    void expired_or_forged_tokens_are_refused_and_api_keys_still_work() {
        Api.as(token("eve", Set.of(Roles.ADMIN), null, -60)).when().get("/api/accounts").then().statusCode(401);
        String valid = token("eve", Set.of(Roles.ADMIN), null, 300);
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        Api.as(forged).when().get("/api/accounts").then().statusCode(401);
        Api.given().when().get("/api/accounts").then().statusCode(200);
    }

    private static PrivateKey privateKey() {
        try {
            byte[] der = Base64.getDecoder().decode(pem("oidc/test-private.pem"));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String resource) {
        try (InputStream in = OidcBearerTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
