package io.cmeautopilot.rules.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns the codes rule authors write ("churn-risk", "free-addon") into enum constants, or explains why not. */
final class Codes {

    private Codes() {
    }

    /** The code of a constant: lower case, dashes for underscores (CHURN_RISK -> churn-risk). */
    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String what, String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        String normalized = code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalized)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(what + " '" + code + "' is unknown; use one of "
                + Arrays.stream(type.getEnumConstants()).map(Codes::of).collect(Collectors.joining(", ")));
    }
}
