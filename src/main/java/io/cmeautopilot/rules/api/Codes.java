package io.cmeautopilot.rules.api;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns the codes rule authors write ("churn-risk", "free-addon") into enum constants, or explains why not. */
final class Codes {

    /** Code as written in DRL (e.g. "churn-risk") -> constant, per enum: the common case is one lookup. */
    private static final ClassValue<Map<String, Enum<?>>> BY_CODE = new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
            Map<String, Enum<?>> byCode = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byCode.put(of((Enum<?>) constant), (Enum<?>) constant);
            }
            return Map.copyOf(byCode);
        }
    };

    private Codes() {
    }

    /** The code of a constant: lower case, dashes for underscores (CHURN_RISK -> churn-risk). */
    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String what, String code) {
        if (code != null) {
            Enum<?> exact = BY_CODE.get(type).get(code);
            if (exact != null) {
                return type.cast(exact);
            }
        }
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
