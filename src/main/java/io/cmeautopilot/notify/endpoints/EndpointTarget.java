package io.cmeautopilot.notify.endpoints;

import java.net.URI;
import java.util.List;

/**
 * An endpoint as the dispatcher needs it at delivery time: where to send, how to sign (the current
 * secret first, then a rotated-out one still in its grace period), whether it may receive.
 */
public record EndpointTarget(String name, EndpointKind kind, String url, List<String> signingSecrets, EndpointState state,
        String stateReason, List<String> eventTypes) {

    /** The event type of test notifications, which every endpoint receives whatever it subscribes to. */
    public static final String TEST_EVENT = "notify.test";

    /** Whether the endpoint receives this event type: every type when it lists none, else exact or prefix.*. */
    public boolean subscribes(String eventType) {
        return eventTypes.isEmpty() || TEST_EVENT.equals(eventType) || eventTypes.stream().anyMatch(t -> t.endsWith(".*")
                ? eventType.startsWith(t.substring(0, t.length() - 1)) : t.equals(eventType));
    }

    /** The URL as it may be shown in lists and logs. */
    public String shownUrl() {
        return shown(kind, url);
    }

    /** A Slack webhook URL is a bearer credential: show only its scheme and host. */
    static String shown(EndpointKind kind, String url) {
        if (kind != EndpointKind.SLACK) {
            return url;
        }
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + "/…";
        } catch (IllegalArgumentException e) {
            return "…";
        }
    }
}
