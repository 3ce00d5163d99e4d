package io.cmeautopilot.accounts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A typed custom attribute as stored in {@code accounts.attributes}: the value in canonical text
 * (a plain decimal, {@code true}/{@code false}, an ISO date) so that JSONB never rounds a number.
 */
public record CustomAttribute(String type, String value) {

    public AttributeType attributeType() {
        return AttributeType.fromJsonName(type).orElse(AttributeType.STRING);
    }

    /** The value as rules see it: String, BigDecimal, Boolean or LocalDate. */
    public Object typedValue() {
        return switch (attributeType()) {
            case STRING -> value;
            case NUMBER -> new BigDecimal(value);
            case BOOLEAN -> Boolean.valueOf(value);
            case DATE -> LocalDate.parse(value);
        };
    }
}
