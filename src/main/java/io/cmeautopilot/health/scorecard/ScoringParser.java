package io.cmeautopilot.health.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a measure's {@code linear} or {@code thresholds} scoring, checking it is total and within 0-100. */
final class ScoringParser {

    private static final Map<String, Scoring.Bound> BOUNDS = Map.of("atLeast", Scoring.Bound.AT_LEAST,
            "above", Scoring.Bound.ABOVE, "atMost", Scoring.Bound.AT_MOST, "below", Scoring.Bound.BELOW);
    private static final Set<String> BAND_KEYS = Set.of("atLeast", "above", "atMost", "below", "points");

    private final YamlReader yaml;

    ScoringParser(YamlReader yaml) {
        this.yaml = yaml;
    }

    /** {@code linear: [[value, points], ...]}: at least two points, values strictly increasing. */
    Scoring linear(Node node, String where) {
        List<Node> items = yaml.sequence(node, where + ".linear");
        if (items.size() < 2) {
            if (node instanceof SequenceNode) {
                yaml.error(node, where + ".linear needs at least two [value, points] pairs");
            }
            return null;
        }
        List<Scoring.Point> points = new ArrayList<>();
        boolean ok = true;
        for (Node item : items) {
            List<Node> pair = yaml.sequence(item, where + ".linear item");
            if (pair.size() != 2) {
                if (!pair.isEmpty()) {
                    yaml.error(item, where + ".linear items are [value, points] pairs");
                }
                ok = false;
                continue;
            }
            Double value = yaml.number(pair.get(0), where + ".linear value");
            Double score = yaml.number(pair.get(1), where + ".linear points", 0, 100);
            if (value == null || score == null) {
                ok = false;
                continue;
            }
            if (!points.isEmpty() && value <= points.get(points.size() - 1).value()) {
                yaml.error(pair.get(0), where + ".linear values must increase strictly: " + YamlReader.plain(value)
                        + " comes after " + YamlReader.plain(points.get(points.size() - 1).value()));
                ok = false;
            }
            points.add(new Scoring.Point(value, score));
        }
        return ok && points.size() >= 2 ? new Scoring.Linear(points) : null;
    }

    /**
     * {@code thresholds: [{atLeast: 9, points: 100}, ..., {points: 0}]}: tried in order, each band with
     * exactly one of atLeast/above/atMost/below, and a last band with none (so every value scores).
     */
    Scoring thresholds(Node node, String where) {
        List<Node> items = yaml.sequence(node, where + ".thresholds");
        if (items.isEmpty()) {
            if (node instanceof SequenceNode) {
                yaml.error(node, where + ".thresholds needs at least one band");
            }
            return null;
        }
        List<Scoring.Band> bands = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            boolean last = i == items.size() - 1;
            Map<String, Node> band = yaml.mapping(item, where + ".thresholds[" + i + "]", BAND_KEYS);
            if (band == null) {
                ok = false;
                continue;
            }
            Double points = band.containsKey("points")
                    ? yaml.number(band.get("points"), where + ".thresholds[" + i + "].points", 0, 100) : null;
            if (!band.containsKey("points")) {
                yaml.error(item, where + ".thresholds[" + i + "] needs points");
            }
            List<String> bounds = band.keySet().stream().filter(BOUNDS::containsKey).toList();
            if (last && !bounds.isEmpty()) {
                yaml.error(item, where + ".thresholds: the last band must have no bound ({points: N}), so that every value scores");
                ok = false;
            } else if (!last && bounds.size() != 1) {
                yaml.error(item, where + ".thresholds[" + i + "] needs exactly one of atLeast, above, atMost, below");
                ok = false;
            }
            if (points == null) {
                ok = false;
                continue;
            }
            if (bounds.size() == 1 && !last) {
                Double limit = yaml.number(band.get(bounds.get(0)), where + ".thresholds[" + i + "]." + bounds.get(0));
                if (limit == null) {
                    ok = false;
                    continue;
                }
                bands.add(new Scoring.Band(BOUNDS.get(bounds.get(0)), limit, points));
            } else {
                bands.add(new Scoring.Band(Scoring.Bound.OTHERWISE, 0, points));
            }
        }
        return ok ? new Scoring.Thresholds(bands) : null;
    }
}
