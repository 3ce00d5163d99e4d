package io.cmeautopilot.rules;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.FeatureUsage;

/**
 * The evidence of one firing: the values of the matched facts' fields that the rule's conditions
 * mention, in match order. An unmodifiable map that reads the values the first time it is looked
 * at, not when the rule fires: most proposals are deduplicated away before anyone reads their
 * evidence. Exact, because the facts ({@link AccountFact}, {@link FeatureUsage}) are immutable.
 * Thread-safe (two threads may both compute it; they compute the same values).
 */
final class Evidence extends AbstractMap<String, Object> {

    private final RuleInfo rule;
    private final List<Object> facts;
    private volatile Map<String, Object> read;

    private Evidence(RuleInfo rule, List<Object> facts) {
        this.rule = rule;
        this.facts = facts;
    }

    /** The evidence of a firing of {@code rule} (null when unknown) on {@code matched}, in match order. */
    static Map<String, Object> of(RuleInfo rule, List<Object> matched) {
        if (rule == null || rule.accountFields().isEmpty() && rule.featureFields().isEmpty()) {
            return Map.of();
        }
        return new Evidence(rule, matched);
    }

    private Map<String, Object> read() {
        Map<String, Object> v = read;
        if (v == null) {
            v = read(rule, facts);
            read = v;
        }
        return v;
    }

    private static Map<String, Object> read(RuleInfo info, List<Object> objects) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (Object fact : objects) {
            if (fact instanceof AccountFact) {
                for (String field : info.accountFields()) {
                    evidence.put(field, FactFields.ACCOUNT.read(fact, field));
                }
            } else if (fact instanceof FeatureUsage usage) {
                for (String field : info.featureFields()) {
                    evidence.put("feature[" + usage.getFeature() + "]." + field, FactFields.FEATURE.read(fact, field));
                }
            }
        }
        return Collections.unmodifiableMap(evidence);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return read().entrySet();
    }

    @Override
    public Object get(Object key) {
        return read().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return read().containsKey(key);
    }

    @Override
    public int size() {
        return read().size();
    }
}
