package io.cmeautopilot.rules.scenarios;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Parses scenario files (YAML). A file has an optional {@code asOf} and {@code account} defaults for
 * all its scenarios, and a list of {@code scenarios}, each with a {@code name}, an {@code account},
 * optional {@code features}, {@code asOf}, {@code expect}, {@code expectNot} and {@code expectNone}.
 */
public final class ScenarioFiles {

    /** When a file states no asOf: a fixed instant, so that scenarios never depend on today. */
    public static final Instant DEFAULT_AS_OF = Instant.parse("2026-06-01T00:00:00Z");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FILE_KEYS = Set.of("asOf", "account", "scenarios");
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "asOf", "account", "features", "expect", "expectNot", "expectNone");

    private ScenarioFiles() {
    }

    /** The scenarios of one file; IllegalArgumentException naming the file and the problem when it is malformed. */
    public static List<Scenario> parse(String file, String yaml) {
        Map<String, Object> root;
        try {
            root = YAML.readValue(yaml, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IllegalArgumentException(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null) {
            return List.of();
        }
        unknownKeys(file, "file", root, FILE_KEYS);
        Instant fileAsOf = instant(file, root.get("asOf"), DEFAULT_AS_OF);
        Map<String, Object> fileAccount = map(file, "account", root.get("account"));
        List<Scenario> scenarios = new ArrayList<>();
        for (Object item : list(file, "scenarios", root.get("scenarios"))) {
            Map<String, Object> s = map(file, "scenario", item);
            String name = s.get("name") == null ? null : s.get("name").toString();
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(file + ": scenario #" + (scenarios.size() + 1) + " has no name");
            }
            String where = file + " / " + name;
            unknownKeys(where, "scenario", s, SCENARIO_KEYS);
            Map<String, Object> account = new LinkedHashMap<>(fileAccount);
            account.putAll(map(where, "account", s.get("account")));
            scenarios.add(new Scenario(file, name, instant(where, s.get("asOf"), fileAsOf), account,
                    maps(where, "features", s.get("features")), maps(where, "expect", s.get("expect")),
                    maps(where, "expectNot", s.get("expectNot")), Boolean.TRUE.equals(s.get("expectNone"))));
        }
        return scenarios;
    }

    private static void unknownKeys(String where, String what, Map<String, Object> map, Set<String> known) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown " + what + " key '" + key + "' (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static Instant instant(String where, Object value, Instant fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": asOf must be an ISO-8601 instant like 2026-06-01T00:00:00Z, was " + value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String where, String key, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a mapping");
        }
        return (Map<String, Object>) value;
    }

    private static List<?> list(String where, String key, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a list");
        }
        return l;
    }

    private static List<Map<String, Object>> maps(String where, String key, Object value) {
        return list(where, key, value).stream().map(item -> map(where, key + " item", item)).toList();
    }
}
