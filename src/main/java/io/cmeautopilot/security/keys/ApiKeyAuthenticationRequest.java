package io.cmeautopilot.security.keys;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token presented as an API key. */
final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
