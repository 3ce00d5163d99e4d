package io.cmeautopilot.web;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The path and query parameters of a URL the browser sent (e.g. htmx's {@code HX-Current-URL}). */
public record QueryString(String path, Map<String, String> params) {

    /** Null when the URL is missing or unreadable. */
    public static QueryString parse(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            Map<String, String> params = new LinkedHashMap<>();
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                    params.putIfAbsent(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
            return new QueryString(uri.getRawPath(), params);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String get(String name) {
        return params.get(name);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
