package io.cmeautopilot.rules.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cmeautopilot.rules.EvaluationResult;
import io.cmeautopilot.rules.Proposal;
import io.cmeautopilot.rules.RuleBook;
import io.cmeautopilot.rules.RuleEngine;
import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.FeatureUsage;

/**
 * Runs scenarios against a rule book. An expectation is a set of properties an action must have:
 * {@code kind}, {@code rule}, and the action's own fields ({@code type}, {@code priority},
 * {@code template}, ...); a key ending in {@code Contains} matches a substring. A scenario fails
 * when an expected action is missing, a forbidden one is proposed, or a rule throws.
 */
public final class ScenarioRunner {

    private final RuleEngine engine;

    public ScenarioRunner(RuleEngine engine) {
        this.engine = engine;
    }

    /** Every scenario of every file; a file that does not parse is one failed result. */
    public List<ScenarioResult> runAll(RuleBook book, Map<String, String> scenarioFiles) {
        List<ScenarioResult> results = new ArrayList<>();
        scenarioFiles.forEach((file, yaml) -> {
            List<Scenario> scenarios;
            try {
                scenarios = ScenarioFiles.parse(file, yaml);
            } catch (IllegalArgumentException e) {
                results.add(new ScenarioResult(file, "(file)", false, List.of(e.getMessage()), List.of()));
                return;
            }
            scenarios.forEach(s -> results.add(run(book, s)));
        });
        return results;
    }

    public ScenarioResult run(RuleBook book, Scenario scenario) {
        List<String> failures = new ArrayList<>();
        EvaluationResult result;
        try {
            AccountFact account = ScenarioAccounts.account(scenario.account(), scenario.asOf());
            List<FeatureUsage> features = scenario.features().stream()
                    .map(f -> ScenarioAccounts.feature(account.getId(), f)).toList();
            result = engine.evaluate(book, List.of(account), Map.of(account.getId(), features));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new ScenarioResult(scenario.file(), scenario.name(), false, List.of("invalid scenario: " + e.getMessage()), List.of());
        }
        List<Map<String, Object>> proposed = result.proposals().stream().map(ScenarioRunner::describe).toList();
        result.failures().forEach(f -> failures.add("rule \"" + f.rule() + "\" threw: " + f.message()));
        result.runaways().forEach(r -> failures.add("stopped after " + r.firings() + " rule firings: " + r.firingsByRule()));
        for (Map<String, Object> expected : scenario.expect()) {
            if (proposed.stream().noneMatch(p -> matches(p, expected))) {
                failures.add("expected " + expected + " but it was not proposed");
            }
        }
        for (Map<String, Object> forbidden : scenario.expectNot()) {
            proposed.stream().filter(p -> matches(p, forbidden))
                    .forEach(p -> failures.add("did not expect " + forbidden + " but got " + p));
        }
        if (scenario.expectNone() && !proposed.isEmpty()) {
            failures.add("expected no actions but got " + proposed);
        }
        return new ScenarioResult(scenario.file(), scenario.name(), failures.isEmpty(), failures, proposed);
    }

    static Map<String, Object> describe(Proposal p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rule", p.rule());
        d.putAll(p.action().attributes());
        d.put("evidence", p.evidence());
        return d;
    }

    static boolean matches(Map<String, Object> actual, Map<String, Object> expected) {
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            String key = e.getKey();
            boolean contains = key.endsWith("Contains");
            Object value = actual.get(contains ? key.substring(0, key.length() - "Contains".length()) : key);
            if (!same(value, e.getValue(), contains)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Object actual, Object expected, boolean contains) {
        if (actual == null || expected == null) {
            return actual == expected;
        }
        if (actual instanceof Number a && expected instanceof Number b) {
            return Math.abs(a.doubleValue() - b.doubleValue()) < 1e-9;
        }
        String a = actual.toString().toLowerCase(Locale.ROOT);
        String b = expected.toString().toLowerCase(Locale.ROOT);
        return contains ? a.contains(b) : a.equals(b);
    }
}
