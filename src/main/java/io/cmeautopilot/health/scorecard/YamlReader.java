package io.cmeautopilot.health.scorecard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads from a composed YAML tree that record a diagnostic with the node's line and column
 * instead of throwing, so one validation lists every problem of the file.
 */
final class YamlReader {

    private final String file;
    private final List<ScorecardDiagnostic> errors = new ArrayList<>();

    YamlReader(String file) {
        this.file = file;
    }

    List<ScorecardDiagnostic> errors() {
        return errors;
    }

    void error(Node at, String message) {
        errors.add(new ScorecardDiagnostic(file, at == null ? 0 : at.getStartMark().getLine() + 1,
                at == null ? 0 : at.getStartMark().getColumn() + 1, message));
    }

    void error(int line, int column, String message) {
        errors.add(new ScorecardDiagnostic(file, line, column, message));
    }

    static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()));
    }

    /** The entries of a mapping by key; unknown and repeated keys are errors. Null when not a mapping. */
    Map<String, Node> mapping(Node node, String what, Set<String> known) {
        if (!(node instanceof MappingNode m)) {
            error(node, what + " must be a mapping (key: value)");
            return null;
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : m.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) {
                error(keyNode, what + ": keys must be plain names");
            } else if (known != null && !known.contains(key)) {
                error(keyNode, what + ": unknown key '" + key + "' (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            } else if (entries.containsKey(key)) {
                error(keyNode, what + ": '" + key + "' is given twice");
            } else {
                entries.put(key, tuple.getValueNode());
            }
        }
        return entries;
    }

    List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode s)) {
            error(node, what + " must be a list");
            return List.of();
        }
        return s.getValue();
    }

    String string(Node node, String what) {
        if (!(node instanceof ScalarNode s) || isNull(node) || s.getValue().isBlank()) {
            error(node, what + " must be a non-empty text");
            return null;
        }
        return s.getValue().strip();
    }

    Double number(Node node, String what) {
        if (node instanceof ScalarNode s && !isNull(node)) {
            try {
                double value = Double.parseDouble(s.getValue().strip().replace("_", ""));
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(node, what + " must be a number" + (node instanceof ScalarNode s ? ", was '" + s.getValue() + "'" : ""));
        return null;
    }

    /** A number of 0 or more; null (and an error) otherwise. */
    Double nonNegative(Node node, String what) {
        Double value = number(node, what);
        if (value != null && value < 0) {
            error(node, what + " must be 0 or more, was " + plain(value));
            return null;
        }
        return value;
    }

    /** A number from {@code min} to {@code max}, inclusive; null (and an error) otherwise. */
    Double number(Node node, String what, double min, double max) {
        Double value = number(node, what);
        if (value != null && (value < min || value > max)) {
            error(node, what + " must be between " + plain(min) + " and " + plain(max) + ", was " + plain(value));
            return null;
        }
        return value;
    }

    static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
