package io.cmeautopilot.signals;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of one batch item, collecting every problem instead of stopping at the first,
 * so a rejected item says all that is wrong with it.
 */
final class ItemReader {

    private final JsonNode item;
    private final List<String> problems = new ArrayList<>();

    ItemReader(JsonNode item) {
        this.item = item;
    }

    String requiredText(String field, int maxLength) {
        String value = optionalText(field, maxLength);
        if (value == null && !hasProblem(field)) {
            problems.add(field + ": is required");
        }
        return value;
    }

    String optionalText(String field, int maxLength) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(field + ": must be a string");
            return null;
        }
        String value = node.asText();
        if (value.isBlank()) {
            problems.add(field + ": must not be blank");
            return null;
        }
        if (value.length() > maxLength) {
            problems.add(field + ": must be at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    String requiredChoice(String field, Set<String> allowed, String defaultValue) {
        JsonNode node = item.get(field);
        if ((node == null || node.isNull()) && defaultValue != null) {
            return defaultValue;
        }
        String value = requiredText(field, 50);
        if (value != null && !allowed.contains(value)) {
            problems.add(field + ": must be one of " + String.join(", ", allowed.stream().sorted().toList()));
            return null;
        }
        return value;
    }

    Long requiredWholeNumber(String field, long min, long max) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            problems.add(field + ": is required");
            return null;
        }
        return optionalWholeNumber(field, min, max);
    }

    Long optionalWholeNumber(String field, long min, long max) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            problems.add(field + ": must be a whole number");
            return null;
        }
        long value = node.longValue();
        if (value < min || value > max) {
            problems.add(field + ": must be between " + min + " and " + max);
            return null;
        }
        return value;
    }

    Instant requiredInstant(String field, Instant latestAllowed) {
        String text = requiredText(field, 64);
        if (text == null) {
            return null;
        }
        try {
            Instant value = Instant.parse(text);
            if (value.isAfter(latestAllowed)) {
                problems.add(field + ": is in the future");
                return null;
            }
            return value;
        } catch (DateTimeParseException e) {
            problems.add(field + ": must be an ISO-8601 timestamp with offset, e.g. 2026-11-02T10:15:30Z");
            return null;
        }
    }

    String optionalObjectAsJson(String field, int maxLength) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(field + ": must be an object");
            return null;
        }
        String json = node.toString();
        if (json.length() > maxLength) {
            problems.add(field + ": must be at most " + maxLength + " characters of JSON");
            return null;
        }
        return json;
    }

    void problem(String message) {
        problems.add(message);
    }

    private boolean hasProblem(String field) {
        return problems.stream().anyMatch(p -> p.startsWith(field + ":"));
    }

    boolean valid() {
        return problems.isEmpty();
    }

    String reason() {
        return String.join("; ", problems);
    }
}
