package io.cmeautopilot.health.scorecard;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates a scorecard file (see docs/authoring-rules.md, The health scorecard): every problem is reported
 * with its line and column, and a file with any problem is rejected whole.
 */
public final class ScorecardParser {

    private static final Set<String> ROOT_KEYS = Set.of("grades", "minimumCoverage", "measures", "variants");
    private static final Set<String> MEASURE_KEYS = Set.of("id", "group", "label", "metric", "weight", "linear",
            "thresholds", "advice");
    private static final Set<String> VARIANT_KEYS = Set.of("name", "segments", "grades", "minimumCoverage", "weights",
            "measures");
    private static final Set<String> GRADE_KEYS = Set.of("green", "yellow");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    static final double DEFAULT_MINIMUM_COVERAGE = 0.5;

    private final String file;
    private final YamlReader yaml;
    private final ScoringParser scoring;

    private ScorecardParser(String file) {
        this.file = file;
        this.yaml = new YamlReader(file);
        this.scoring = new ScoringParser(yaml);
    }

    /** The scorecard in {@code text}, or {@link InvalidScorecardException} listing every problem. */
    public static Scorecard parse(String file, String text) {
        return new ScorecardParser(file).read(text);
    }

    public static String version(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Scorecard read(String text) {
        Node root = compose(text);
        Scorecard scorecard = root == null ? null : scorecard(root, version(text));
        if (root == null && yaml.errors().isEmpty()) {
            yaml.error(1, 1, "the scorecard is empty: it needs grades and measures");
        }
        if (!yaml.errors().isEmpty() || scorecard == null) {
            List<ScorecardDiagnostic> sorted = new ArrayList<>(yaml.errors());
            sorted.sort(Comparator.comparingInt(ScorecardDiagnostic::line).thenComparingInt(ScorecardDiagnostic::column));
            throw new InvalidScorecardException(sorted);
        }
        return scorecard;
    }

    private Node compose(String text) {
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            yaml.error(mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            yaml.error(0, 0, "not valid YAML: " + e.getMessage());
        }
        return null;
    }

    private Scorecard scorecard(Node root, String version) {
        Map<String, Node> top = yaml.mapping(root, "the scorecard", ROOT_KEYS);
        if (top == null) {
            return null;
        }
        Grades grades = top.containsKey("grades") ? grades(top.get("grades"), "grades") : null;
        if (!top.containsKey("grades")) {
            yaml.error(root, "the scorecard needs grades: {green: N, yellow: N}");
        }
        double coverage = coverage(top.get("minimumCoverage"), "minimumCoverage", DEFAULT_MINIMUM_COVERAGE);
        Map<String, Measure> measures = new LinkedHashMap<>();
        if (top.containsKey("measures")) {
            measures(top.get("measures"), "measures", measures);
        } else {
            yaml.error(root, "the scorecard needs measures");
        }
        ScorecardVariant defaults = variant("default", Set.of(), grades, coverage, measures, root);
        List<ScorecardVariant> variants = new ArrayList<>();
        if (top.containsKey("variants") && defaults != null) {
            Set<String> names = new HashSet<>(Set.of("default"));
            Set<String> segments = new HashSet<>();
            for (Node node : yaml.sequence(top.get("variants"), "variants")) {
                ScorecardVariant v = variant(node, defaults, names, segments);
                if (v != null) {
                    variants.add(v);
                }
            }
        }
        return defaults == null ? null : new Scorecard(file, version, defaults, variants);
    }

    private ScorecardVariant variant(Node node, ScorecardVariant base, Set<String> names, Set<String> claimed) {
        Map<String, Node> v = yaml.mapping(node, "variant", VARIANT_KEYS);
        if (v == null) {
            return null;
        }
        String name = v.containsKey("name") ? yaml.string(v.get("name"), "variant name") : null;
        if (!v.containsKey("name")) {
            yaml.error(node, "a variant needs a name");
        } else if (name != null && !names.add(name)) {
            yaml.error(v.get("name"), "variant '" + name + "' is defined twice");
        }
        String where = "variant '" + (name == null ? "?" : name) + "'";
        Set<String> segments = new HashSet<>();
        for (Node s : v.containsKey("segments") ? yaml.sequence(v.get("segments"), where + ".segments") : List.<Node>of()) {
            String segment = yaml.string(s, where + " segment");
            if (segment != null && !claimed.add(segment)) {
                yaml.error(s, where + ": segment '" + segment + "' already has a variant");
            }
            segments.add(segment);
        }
        if (segments.isEmpty()) {
            yaml.error(node, where + " needs segments: [SEGMENT, ...]");
        }
        Grades grades = v.containsKey("grades") ? grades(v.get("grades"), where + ".grades") : base.grades();
        double coverage = coverage(v.get("minimumCoverage"), where + ".minimumCoverage", base.minimumCoverage());
        Map<String, Measure> measures = new LinkedHashMap<>();
        base.measures().forEach(m -> measures.put(m.id(), m));
        if (v.containsKey("measures")) {
            measures(v.get("measures"), where + ".measures", measures);
        }
        if (v.containsKey("weights")) {
            Map<String, Node> weights = yaml.mapping(v.get("weights"), where + ".weights", null);
            if (weights != null) {
                weights.forEach((id, w) -> {
                    Double weight = yaml.nonNegative(w, where + ".weights." + id);
                    if (!measures.containsKey(id)) {
                        yaml.error(w, where + ".weights: no measure '" + id + "' (known: " + String.join(", ", measures.keySet()) + ")");
                    } else if (weight != null) {
                        measures.put(id, measures.get(id).withWeight(weight));
                    }
                });
            }
        }
        return variant(name, segments, grades, coverage, measures, node);
    }

    private ScorecardVariant variant(String name, Set<String> segments, Grades grades, double coverage,
            Map<String, Measure> measures, Node at) {
        List<Measure> counted = measures.values().stream().filter(m -> m.weight() > 0).toList();
        if (counted.isEmpty() && !measures.isEmpty()) {
            yaml.error(at, (segments.isEmpty() ? "the scorecard" : "variant '" + name + "'") + " has no measure with a weight above 0");
        }
        return grades == null || counted.isEmpty() ? null : new ScorecardVariant(name, segments, grades, coverage, counted);
    }

    private void measures(Node node, String where, Map<String, Measure> into) {
        Set<String> seen = new HashSet<>();
        List<Node> items = yaml.sequence(node, where);
        for (Node item : items) {
            Measure m = measure(item, where, seen);
            if (m != null) {
                into.put(m.id(), m);
            }
        }
    }

    private Measure measure(Node node, String where, Set<String> seen) {
        Map<String, Node> m = yaml.mapping(node, "a measure", MEASURE_KEYS);
        if (m == null) {
            return null;
        }
        String id = m.containsKey("id") ? yaml.string(m.get("id"), "measure id") : null;
        if (!m.containsKey("id")) {
            yaml.error(node, "a measure needs an id");
        } else if (id != null && !ID.matcher(id).matches()) {
            yaml.error(m.get("id"), "measure id '" + id + "' may only hold letters, digits, '-' and '_'");
            id = null;
        } else if (id != null && !seen.add(id)) {
            yaml.error(m.get("id"), "measure '" + id + "' is defined twice in " + where);
        }
        String at = "measure '" + (id == null ? "?" : id) + "'";
        String metric = m.containsKey("metric") ? yaml.string(m.get("metric"), at + ".metric") : null;
        if (!m.containsKey("metric")) {
            yaml.error(node, at + " needs a metric");
        } else if (metric != null && !Metrics.known(metric)) {
            yaml.error(m.get("metric"), at + ": unknown metric '" + metric + "' (known: " + String.join(", ", Metrics.names()) + ")");
            metric = null;
        }
        Double weight = m.containsKey("weight") ? yaml.nonNegative(m.get("weight"), at + ".weight") : null;
        if (!m.containsKey("weight")) {
            yaml.error(node, at + " needs a weight");
        }
        Scoring rule = scoring(m, node, at);
        String group = m.containsKey("group") ? yaml.string(m.get("group"), at + ".group") : "other";
        String label = m.containsKey("label") ? yaml.string(m.get("label"), at + ".label") : id;
        String advice = m.containsKey("advice") ? yaml.string(m.get("advice"), at + ".advice") : null;
        if (id == null || metric == null || weight == null || rule == null) {
            return null;
        }
        return new Measure(id, group, label, metric, weight, rule, advice);
    }

    private Scoring scoring(Map<String, Node> m, Node node, String at) {
        boolean linear = m.containsKey("linear");
        boolean thresholds = m.containsKey("thresholds");
        if (linear == thresholds) {
            yaml.error(node, at + " needs exactly one of linear or thresholds");
            return null;
        }
        return linear ? scoring.linear(m.get("linear"), at) : scoring.thresholds(m.get("thresholds"), at);
    }

    private Grades grades(Node node, String where) {
        Map<String, Node> g = yaml.mapping(node, where, GRADE_KEYS);
        if (g == null) {
            return null;
        }
        if (!g.keySet().containsAll(GRADE_KEYS)) {
            yaml.error(node, where + " needs green and yellow");
            return null;
        }
        Double green = yaml.number(g.get("green"), where + ".green", 0, 100);
        Double yellow = yaml.number(g.get("yellow"), where + ".yellow", 0, 100);
        if (green == null || yellow == null) {
            return null;
        }
        if (green != Math.rint(green) || yellow != Math.rint(yellow)) {
            yaml.error(node, where + ": boundaries are whole scores (scores are whole numbers 0-100)");
            return null;
        }
        if (yellow >= green) {
            yaml.error(g.get("yellow"), where + ".yellow (" + YamlReader.plain(yellow) + ") must be below green ("
                    + YamlReader.plain(green) + ")");
            return null;
        }
        return new Grades(green.intValue(), yellow.intValue());
    }

    private double coverage(Node node, String where, double fallback) {
        if (node == null) {
            return fallback;
        }
        Double value = yaml.number(node, where, 0, 1);
        return value == null ? fallback : value;
    }
}
