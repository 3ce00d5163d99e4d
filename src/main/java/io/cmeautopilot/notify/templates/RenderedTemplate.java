package io.cmeautopilot.notify.templates;

/** A rendered template: subject (null when the template has no {@code Subject:} line), text, HTML (or null). */
public record RenderedTemplate(String subject, String text, String html) {
}
