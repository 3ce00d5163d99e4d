package io.cmeautopilot.accounts.csv;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.cmeautopilot.accounts.AttributeCodec;
import io.cmeautopilot.accounts.CustomAttribute;
import io.cmeautopilot.rules.api.Stage;

/**
 * Turns CSV rows into accounts to upsert, or into errors that name the line and the column. Every
 * cell of a row is checked, so one pass over the file reports all that is wrong with it. A blank
 * optional cell is "no value", never a 0 or an empty string.
 */
final class AccountRowParser {

    private final ColumnPlan plan;
    // The only state kept per file: external id -> line it was first seen on, to report duplicates.
    private final Map<String, Long> firstLines = new HashMap<>();

    AccountRowParser(ColumnPlan plan) {
        this.plan = plan;
    }

    /** The account in this row, or empty when the row had errors (added to {@code errors}). */
    Optional<ImportedAccount> parse(CsvRows.Row row, ImportErrors errors) {
        if (row.cells().size() != plan.width()) {
            errors.add(row.line(), null, "has " + row.cells().size() + " cells, the header has " + plan.width());
            return Optional.empty();
        }
        long errorsBefore = errors.count();
        Map<KnownField, Object> fields = new EnumMap<>(KnownField.class);
        Map<String, CustomAttribute> attributes = new LinkedHashMap<>();
        List<String> cleared = new ArrayList<>();
        for (int i = 0; i < plan.width(); i++) {
            String cell = row.cells().get(i);
            ColumnTarget target = plan.target(i);
            try {
                if (target instanceof ColumnTarget.Ignored) {
                    continue;
                }
                if (cell.indexOf('\0') >= 0) {
                    throw new InvalidCell("contains a NUL character, which PostgreSQL cannot store");
                }
                if (target instanceof ColumnTarget.Field f) {
                    fields.put(f.field(), fieldValue(f.field(), cell));
                } else if (target instanceof ColumnTarget.Attribute a && cell.isBlank()) {
                    cleared.add(a.name());
                } else if (target instanceof ColumnTarget.Attribute a) {
                    attributes.put(a.name(), AttributeCodec.fromText(a.type(), cell));
                }
            } catch (InvalidCell | AttributeCodec.InvalidAttribute e) {
                errors.add(row.line(), plan.header(i), e.getMessage());
            }
        }
        checkDuplicate(row.line(), (String) fields.get(KnownField.EXTERNAL_ID), errors);
        return errors.count() > errorsBefore ? Optional.empty()
                : Optional.of(new ImportedAccount(row.line(), fields, attributes, List.copyOf(cleared)));
    }

    private void checkDuplicate(long line, String externalId, ImportErrors errors) {
        if (externalId == null) {
            return;
        }
        Long first = firstLines.putIfAbsent(externalId, line);
        if (first != null) {
            errors.add(line, plan.headerOf(KnownField.EXTERNAL_ID), "duplicate externalId, first seen on line " + first);
        }
    }

    private static Object fieldValue(KnownField field, String cell) throws InvalidCell {
        String value = cell.strip();
        if (value.isEmpty()) {
            if (field.isRequired()) {
                throw new InvalidCell(field.jsonName + " is required");
            }
            return null;
        }
        if (field.maxLength > 0 && value.length() > field.maxLength) {
            throw new InvalidCell("is longer than " + field.maxLength + " characters");
        }
        if (field == KnownField.STAGE) {
            return stage(value);
        }
        if (field.isDate()) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new InvalidCell("'" + abbreviate(value) + "' is not an ISO date (yyyy-mm-dd)");
            }
        }
        return value;
    }

    private static Stage stage(String value) throws InvalidCell {
        try {
            return Stage.valueOf(value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidCell("'" + abbreviate(value) + "' is not a stage (one of "
                    + Arrays.toString(Stage.values()).replaceAll("[\\[\\]]", "") + ")");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static final class InvalidCell extends Exception {
        InvalidCell(String message) {
            super(message, null, false, false);
        }
    }
}
