package io.cmeautopilot.accounts.csv;

import io.cmeautopilot.accounts.AttributeType;

/** What one CSV column feeds. */
sealed interface ColumnTarget {

    record Field(KnownField field) implements ColumnTarget {
    }

    record Attribute(String name, AttributeType type) implements ColumnTarget {
    }

    record Ignored() implements ColumnTarget {
    }
}
