package io.cmeautopilot.accounts;

import java.util.Locale;
import java.util.Optional;

/** The type of a custom attribute; decides how its value is validated and what rules see. */
public enum AttributeType {
    STRING, NUMBER, BOOLEAN, DATE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AttributeType> fromJsonName(String name) {
        for (AttributeType type : values()) {
            if (type.jsonName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
