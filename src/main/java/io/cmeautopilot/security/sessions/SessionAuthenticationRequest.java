package io.cmeautopilot.security.sessions;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The value of the session cookie. */
final class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final String cookieValue;

    SessionAuthenticationRequest(String cookieValue) {
        this.cookieValue = cookieValue;
    }

    String cookieValue() {
        return cookieValue;
    }
}
