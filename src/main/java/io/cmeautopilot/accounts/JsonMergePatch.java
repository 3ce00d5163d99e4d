package io.cmeautopilot.accounts;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 7396 JSON merge patch: members set to null are removed, objects merge, the rest replaces. */
final class JsonMergePatch {

    private JsonMergePatch() {
    }

    static void apply(ObjectNode target, ObjectNode patch) {
        List<String> names = new ArrayList<>();
        patch.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = patch.get(name);
            JsonNode existing = target.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && existing != null && existing.isObject()) {
                apply((ObjectNode) existing, (ObjectNode) value);
            } else {
                target.set(name, value);
            }
        }
    }
}
