package io.cmeautopilot.accounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads custom attributes from JSON and text (CSV cells), and writes them back as JSON.
 * JSON accepts a plain string, number or boolean (typed as such) or an explicit
 * {@code {"type": "date", "value": "2027-01-31"}}; dates always need the explicit form.
 */
public final class AttributeCodec {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_TEXT_LENGTH = 2000;

    private AttributeCodec() {
    }

    /** Thrown with a message fit for the client. */
    public static final class InvalidAttribute extends Exception {
        public InvalidAttribute(String message) {
            super(message);
        }
    }

    public static void checkName(String name) throws InvalidAttribute {
        if (name == null || name.isBlank()) {
            throw new InvalidAttribute("attribute name must not be blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidAttribute("attribute name is longer than " + MAX_NAME_LENGTH + " characters");
        }
    }

    public static CustomAttribute fromJson(JsonNode node) throws InvalidAttribute {
        if (node.isTextual()) {
            return fromText(AttributeType.STRING, node.asText());
        }
        if (node.isNumber()) {
            return new CustomAttribute(AttributeType.NUMBER.jsonName(), node.decimalValue().toPlainString());
        }
        if (node.isBoolean()) {
            return new CustomAttribute(AttributeType.BOOLEAN.jsonName(), Boolean.toString(node.booleanValue()));
        }
        if (node.isObject() && node.hasNonNull("type") && node.has("value")) {
            AttributeType type = AttributeType.fromJsonName(node.get("type").asText())
                    .orElseThrow(() -> new InvalidAttribute("type must be one of string, number, boolean, date"));
            JsonNode value = node.get("value");
            if (value.isNull() || value.isContainerNode()) {
                throw new InvalidAttribute("value must be a " + type.jsonName());
            }
            if (type == AttributeType.NUMBER && value.isNumber()) {
                return new CustomAttribute(type.jsonName(), value.decimalValue().toPlainString());
            }
            if (type == AttributeType.BOOLEAN && value.isBoolean()) {
                return new CustomAttribute(type.jsonName(), Boolean.toString(value.booleanValue()));
            }
            return fromText(type, value.asText());
        }
        throw new InvalidAttribute("must be a string, number, boolean or {\"type\": ..., \"value\": ...}");
    }

    /** Parses text (a CSV cell, a JSON string) as the given type. */
    public static CustomAttribute fromText(AttributeType type, String text) throws InvalidAttribute {
        String value = text.strip();
        switch (type) {
            case STRING -> {
                if (text.length() > MAX_TEXT_LENGTH) {
                    throw new InvalidAttribute("is longer than " + MAX_TEXT_LENGTH + " characters");
                }
                return new CustomAttribute(type.jsonName(), text);
            }
            case NUMBER -> {
                try {
                    return new CustomAttribute(type.jsonName(), new BigDecimal(value).toPlainString());
                } catch (NumberFormatException e) {
                    throw new InvalidAttribute("'" + abbreviate(text) + "' is not a number");
                }
            }
            case BOOLEAN -> {
                String lower = value.toLowerCase(java.util.Locale.ROOT);
                if (lower.equals("true") || lower.equals("yes") || lower.equals("1")) {
                    return new CustomAttribute(type.jsonName(), "true");
                }
                if (lower.equals("false") || lower.equals("no") || lower.equals("0")) {
                    return new CustomAttribute(type.jsonName(), "false");
                }
                throw new InvalidAttribute("'" + abbreviate(text) + "' is not a boolean (true/false/yes/no/1/0)");
            }
            case DATE -> {
                try {
                    return new CustomAttribute(type.jsonName(), LocalDate.parse(value).toString());
                } catch (DateTimeParseException e) {
                    throw new InvalidAttribute("'" + abbreviate(text) + "' is not an ISO date (yyyy-mm-dd)");
                }
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    public static ObjectNode toJson(CustomAttribute attribute) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", attribute.type());
        switch (attribute.attributeType()) {
            case NUMBER -> node.put("value", new BigDecimal(attribute.value()));
            case BOOLEAN -> node.put("value", Boolean.parseBoolean(attribute.value()));
            default -> node.put("value", attribute.value());
        }
        return node;
    }

    public static Map<String, ObjectNode> toJson(Map<String, CustomAttribute> attributes) {
        Map<String, ObjectNode> json = new LinkedHashMap<>();
        attributes.forEach((name, attribute) -> json.put(name, toJson(attribute)));
        return json;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
