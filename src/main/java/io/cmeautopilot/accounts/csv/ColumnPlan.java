package io.cmeautopilot.accounts.csv;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cmeautopilot.accounts.AttributeCodec;
import io.cmeautopilot.accounts.AttributeType;
import io.cmeautopilot.common.Problem.FieldError;

/**
 * What each CSV column feeds, decided once from the header and the client's mapping, before any
 * row is read. Unmapped columns named like a known field feed it; the others become string attributes.
 */
final class ColumnPlan {

    /** The same bound as AccountRequest's attributes map. */
    static final int MAX_ATTRIBUTE_COLUMNS = 200;

    private final List<String> headers;
    private final List<ColumnTarget> targets;
    private final Map<KnownField, Integer> fieldColumns;

    private ColumnPlan(List<String> headers, List<ColumnTarget> targets, Map<KnownField, Integer> fieldColumns) {
        this.headers = headers;
        this.targets = targets;
        this.fieldColumns = fieldColumns;
    }

    /** The plan; when {@code errors} grew, it must not be used. */
    static ColumnPlan resolve(List<String> header, Map<String, ColumnTarget> mapping, List<FieldError> errors) {
        List<String> headers = header.stream().map(String::strip).toList();
        Set<String> present = new HashSet<>(headers);
        mapping.keySet().stream().filter(column -> !present.contains(column)).forEach(column -> errors.add(
                new FieldError("mapping." + column, "no column has this header")));

        List<ColumnTarget> targets = new ArrayList<>();
        Map<KnownField, Integer> fieldColumns = new EnumMap<>(KnownField.class);
        Map<String, Integer> attributeColumns = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            String column = headers.get(i);
            ColumnTarget target = mapping.containsKey(column) ? mapping.get(column) : inferred(i, column, errors);
            targets.add(target);
            if (target instanceof ColumnTarget.Ignored) {
                continue;
            }
            if (target instanceof ColumnTarget.Attribute a && a.name().indexOf('\0') >= 0) {
                errors.add(new FieldError("header", "column " + (i + 1) + ": an attribute name cannot contain a NUL"
                        + " character"));
            } else if (!seen.add(column)) {
                errors.add(new FieldError("header", "'" + column + "' names two columns; rename one, or map it"
                        + " to \"ignore\""));
            } else if (target instanceof ColumnTarget.Field f && fieldColumns.putIfAbsent(f.field(), i) != null) {
                errors.add(twice(f.field().jsonName, headers.get(fieldColumns.get(f.field())), column));
            } else if (target instanceof ColumnTarget.Attribute a && attributeColumns.putIfAbsent(a.name(), i) != null) {
                errors.add(twice("attribute '" + a.name() + "'", headers.get(attributeColumns.get(a.name())), column));
            }
        }
        for (KnownField required : List.of(KnownField.EXTERNAL_ID, KnownField.NAME)) {
            if (!fieldColumns.containsKey(required)) {
                errors.add(new FieldError("mapping", "no column maps to " + required.jsonName + ": name a column "
                        + required.jsonName + " or map one to it"));
            }
        }
        if (attributeColumns.size() > MAX_ATTRIBUTE_COLUMNS) {
            errors.add(new FieldError("header", attributeColumns.size() + " columns would become attributes; at most "
                    + MAX_ATTRIBUTE_COLUMNS + " are allowed (map the others to \"ignore\")"));
        }
        return new ColumnPlan(headers, List.copyOf(targets), fieldColumns);
    }

    private static ColumnTarget inferred(int index, String column, List<FieldError> errors) {
        if (column.isEmpty()) {
            errors.add(new FieldError("header", "column " + (index + 1) + " has no header; name it, or map \"\" to"
                    + " \"ignore\""));
            return new ColumnTarget.Ignored();
        }
        return KnownField.byName(column).<ColumnTarget>map(ColumnTarget.Field::new).orElseGet(() -> {
            try {
                AttributeCodec.checkName(column);
            } catch (AttributeCodec.InvalidAttribute e) {
                errors.add(new FieldError("header", "'" + column + "': " + e.getMessage()));
            }
            return new ColumnTarget.Attribute(column, AttributeType.STRING);
        });
    }

    private static FieldError twice(String what, String first, String second) {
        return new FieldError("mapping." + second, "columns '" + first + "' and '" + second + "' both map to " + what
                + "; map one of them to \"ignore\"");
    }

    int width() {
        return headers.size();
    }

    String header(int column) {
        return headers.get(column);
    }

    ColumnTarget target(int column) {
        return targets.get(column);
    }

    /** The known fields some column feeds, in a stable order (the upsert SQL is built from it). */
    Set<KnownField> fields() {
        return fieldColumns.keySet();
    }

    String headerOf(KnownField field) {
        return headers.get(fieldColumns.get(field));
    }
}
