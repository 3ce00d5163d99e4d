package io.cmeautopilot.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque, stable pagination cursors: the sort keys of the last item seen. Keyset pagination keeps
 * pages stable while rows are inserted and costs the same on page 1 and page 10,000.
 */
public final class Cursor {

    private static final String VERSION = "v1";
    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(Object... keys) {
        StringBuilder raw = new StringBuilder(VERSION);
        for (Object key : keys) {
            raw.append(SEPARATOR).append(key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor made by {@link #encode}; a cursor of another shape is a 400. */
    public static List<String> decode(String cursor, int keyCount) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(raw.split(String.valueOf(SEPARATOR), -1));
            if (parts.size() == keyCount + 1 && VERSION.equals(parts.get(0))) {
                return parts.subList(1, parts.size());
            }
        } catch (IllegalArgumentException e) {
            // fall through: not base64
        }
        throw ProblemException.badRequest("cursor is not one this server issued; start again without a cursor");
    }

    public static long decodeLong(String cursor) {
        try {
            return Long.parseLong(decode(cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("cursor is not one this server issued; start again without a cursor");
        }
    }
}
