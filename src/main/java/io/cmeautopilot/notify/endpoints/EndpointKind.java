package io.cmeautopilot.notify.endpoints;

/** What an endpoint receives: signed Standard Webhooks JSON, or Slack incoming-webhook messages. */
public enum EndpointKind {
    WEBHOOK, SLACK
}
