package io.cmeautopilot.notify.templates;

/**
 * A template could not be rendered: it does not exist, or the data lacks a value it uses. The message
 * names the file and line. Validation at rule-book load catches most of these before they can happen.
 */
public class TemplateRenderingException extends RuntimeException {

    public TemplateRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
