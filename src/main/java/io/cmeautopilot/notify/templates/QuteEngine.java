package io.cmeautopilot.notify.templates;

import java.util.List;
import java.util.Locale;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Variant;

/**
 * The Qute engine for notification templates: our own, not the application's, because these
 * templates are read from disk at runtime. Strict (a missing value is an error, never an empty
 * string), values escaped in HTML templates, and plain Java objects readable through their getters.
 */
final class QuteEngine {

    static final Variant TEXT = new Variant(Locale.ROOT, Variant.TEXT_PLAIN, "UTF-8");
    static final Variant HTML = new Variant(Locale.ROOT, Variant.TEXT_HTML, "UTF-8");

    private QuteEngine() {
    }

    static Engine create() {
        return Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).strictRendering(true).build();
    }

    static Variant variantOf(String file) {
        return file.endsWith(".html") ? HTML : TEXT;
    }

    /** "Parser error in template [x.txt:3]: unterminated section" -> "unterminated section". */
    static String messageOf(io.quarkus.qute.TemplateException e) {
        String message = e.getMessage() == null ? "invalid template" : e.getMessage().strip();
        int end = message.indexOf("]: ");
        return end >= 0 && message.startsWith("Parser error") || end >= 0 && message.startsWith("Rendering error")
                ? message.substring(end + 3) : message;
    }

    static int lineOf(io.quarkus.qute.TemplateException e) {
        return e.getOrigin() == null ? 0 : e.getOrigin().getLine();
    }
}
