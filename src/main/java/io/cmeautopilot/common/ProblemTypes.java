package io.cmeautopilot.common;

/** Stable problem {@code type} URIs, one per kind of error, documented in docs/integrating.md (Errors). */
public final class ProblemTypes {

    private static final String BASE = "https://cme-autopilot.io/problems/";

    private ProblemTypes() {
    }

    public static String of(String slug) {
        return BASE + slug;
    }

    /** The slug for a bare HTTP status raised by the framework (unknown route, wrong method...). */
    public static String slugFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "validation";
            default -> status >= 500 ? "internal" : "http-" + status;
        };
    }
}
