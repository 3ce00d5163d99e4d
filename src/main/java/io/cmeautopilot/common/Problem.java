package io.cmeautopilot.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document. {@code errors} lists field-level violations; {@code correlationId}
 * ties a 5xx answer to the server log entry that holds the stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors, String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: where ({@code field}, a JSON path like {@code items[3].score}) and why. */
    public record FieldError(String field, String message) {
    }
}
