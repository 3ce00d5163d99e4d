package io.cmeautopilot.notify;

/** How a notification travels: e-mail over SMTP, a signed JSON webhook, or a Slack incoming webhook. */
public enum DeliveryChannel {
    EMAIL, WEBHOOK, SLACK
}
