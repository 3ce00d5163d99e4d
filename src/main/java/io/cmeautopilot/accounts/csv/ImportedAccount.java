package io.cmeautopilot.accounts.csv;

import java.util.List;
import java.util.Map;

import io.cmeautopilot.accounts.CustomAttribute;

/**
 * One valid CSV row, ready to upsert: a value for every mapped known field (null for a blank cell),
 * the attributes to set, and the attributes whose cells were blank, to remove.
 */
record ImportedAccount(long line, Map<KnownField, Object> fields, Map<String, CustomAttribute> attributes,
        List<String> clearedAttributes) {

    String externalId() {
        return (String) fields.get(KnownField.EXTERNAL_ID);
    }
}
