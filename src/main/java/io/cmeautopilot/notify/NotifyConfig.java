package io.cmeautopilot.notify;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Notification settings (see docs/operating.md, Configuration). */
@ConfigMapping(prefix = "cme.notify")
public interface NotifyConfig {

    /** How often every node looks for due messages (besides being woken by its own commits); "off" disables. */
    @WithDefault("1s")
    String pollInterval();

    /** Messages claimed per round. */
    @WithDefault("100")
    int batchSize();

    /** Deliveries in flight at once on one node. */
    @WithDefault("8")
    int parallelism();

    /** How long a claim lasts: a node that dies while delivering leaves its messages due again after this. */
    @WithDefault("PT1M")
    Duration lease();

    /**
     * Delays before the 2nd, 3rd... attempt; after the last one fails the message is dead-lettered.
     * The default spans about 27.6 hours (8 attempts).
     */
    @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H")
    List<Duration> retrySchedule();

    /** Each delay is randomly stretched or shrunk by up to this fraction, so that retries do not arrive in waves. */
    @WithDefault("0.2")
    double jitter();

    /** After a secret rotation the previous secret keeps signing (a second signature) for this long. */
    @WithDefault("PT24H")
    Duration secretRotationGrace();

    /** Directory of the Qute templates (default: templates/ in the rules directory). */
    String templatesDir();

    /** How often the outbox gauges (depth, oldest due message, dead letters) are refreshed. */
    @WithDefault("15s")
    String metricsInterval();

    Outbound outbound();

    Email email();

    /** Webhook and Slack HTTP calls. */
    interface Outbound {

        /** Whole request, connect to answer. */
        @WithDefault("PT15S")
        Duration timeout();

        @WithDefault("PT5S")
        Duration connectTimeout();

        /**
         * Address ranges a webhook URL may resolve to although they are not public: {@code loopback},
         * {@code private} (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), {@code link-local}
         * (169.254/16, fe80::/10). {@code none} refuses them all.
         */
        @WithDefault("none")
        Set<String> allowPrivate();
    }

    /** E-mail; the SMTP server itself is configured with the quarkus.mailer.* settings. */
    interface Email {

        /** How long one SMTP send may take before it counts as failed. */
        @WithDefault("PT30S")
        Duration timeout();

        /** Subject used when a message has none: this prefix and the event type. */
        @WithDefault("[CME Autopilot]")
        String subjectPrefix();
    }
}
