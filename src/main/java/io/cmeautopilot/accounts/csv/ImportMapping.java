package io.cmeautopilot.accounts.csv;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cmeautopilot.accounts.AttributeCodec;
import io.cmeautopilot.accounts.AttributeType;
import io.cmeautopilot.common.Problem.FieldError;
import io.cmeautopilot.common.ProblemException;

/**
 * Reads the client's mapping: a JSON object from column header to a known field name,
 * {@code "ignore"}, or {@code {"attribute": "Seats", "type": "number"}} (both members optional:
 * the attribute is named after the column and typed string unless told otherwise).
 */
final class ImportMapping {

    private static final String SHAPES = "a field name (" + KnownField.names()
            + "), \"ignore\", or {\"attribute\": \"Name\", \"type\": \"string|number|boolean|date\"}";

    private ImportMapping() {
    }

    /**
     * Targets by (stripped) column header; bad entries are added to {@code errors}, so that the
     * header check can add its own and the client hears of all of them at once.
     */
    static Map<String, ColumnTarget> parse(String json, ObjectMapper mapper, List<FieldError> errors) {
        Map<String, ColumnTarget> targets = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return targets;
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
            throw ProblemException.invalidField("mapping", "is not valid JSON" + where);
        }
        if (!root.isObject()) {
            throw ProblemException.invalidField("mapping", "must be a JSON object from column header to target");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String column = entry.getKey().strip();
            // A bad entry still claims its column, so the header check does not guess a target for it.
            targets.put(column, target(column, entry.getValue(), errors).orElseGet(ColumnTarget.Ignored::new));
        }
        return targets;
    }

    private static Optional<ColumnTarget> target(String column, JsonNode value, List<FieldError> errors) {
        String field = "mapping." + column;
        if (value.isTextual()) {
            if (value.asText().strip().equalsIgnoreCase("ignore")) {
                return Optional.of(new ColumnTarget.Ignored());
            }
            Optional<KnownField> known = KnownField.byName(value.asText());
            if (known.isEmpty()) {
                errors.add(new FieldError(field, "'" + value.asText() + "' is not a known field; use " + SHAPES));
            }
            return known.map(ColumnTarget.Field::new);
        }
        if (value.isObject()) {
            return attribute(column, value, field, errors);
        }
        errors.add(new FieldError(field, "must be " + SHAPES));
        return Optional.empty();
    }

    private static Optional<ColumnTarget> attribute(String column, JsonNode value, String field,
            List<FieldError> errors) {
        int before = errors.size();
        value.fieldNames().forEachRemaining(member -> {
            if (!member.equals("attribute") && !member.equals("type")) {
                errors.add(new FieldError(field, "'" + member + "' is not expected: an attribute target has only"
                        + " \"attribute\" and \"type\""));
            }
        });
        String name = column;
        if (value.has("attribute")) {
            if (value.get("attribute").isTextual()) {
                name = value.get("attribute").asText().strip();
            } else {
                errors.add(new FieldError(field, "\"attribute\" must be a string"));
            }
        }
        try {
            AttributeCodec.checkName(name);
        } catch (AttributeCodec.InvalidAttribute e) {
            errors.add(new FieldError(field, e.getMessage()));
        }
        AttributeType type = AttributeType.STRING;
        if (value.has("type")) {
            JsonNode typeNode = value.get("type");
            Optional<AttributeType> parsed = typeNode.isTextual()
                    ? AttributeType.fromJsonName(typeNode.asText().strip().toLowerCase(Locale.ROOT))
                    : Optional.empty();
            if (parsed.isEmpty()) {
                errors.add(new FieldError(field, "\"type\" must be one of string, number, boolean, date"));
            }
            type = parsed.orElse(AttributeType.STRING);
        }
        return errors.size() > before ? Optional.empty() : Optional.of(new ColumnTarget.Attribute(name, type));
    }
}
