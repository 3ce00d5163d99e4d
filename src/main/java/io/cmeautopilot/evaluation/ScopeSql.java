package io.cmeautopilot.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cmeautopilot.common.ProblemException;

/**
 * A run's scope as a condition on {@code accounts a}: the one place that knows how each kind of scope
 * selects accounts, used to plan chunks, to load a chunk's accounts and to auto-resolve.
 */
record ScopeSql(String condition, Map<String, Object> params) {

    static ScopeSql of(EvaluationRequest.Scope scope) {
        if (scope.accountIds() != null) {
            return new ScopeSql("a.id = ANY(:scopeIds)", Map.of("scopeIds", scope.accountIds().toArray(Long[]::new)));
        }
        if (scope.segment() != null) {
            return new ScopeSql("a.segment = :scopeSegment", Map.of("scopeSegment", scope.segment()));
        }
        if (scope.filter() != null) {
            List<String> terms = new ArrayList<>();
            Map<String, Object> params = new HashMap<>();
            EvaluationRequest.Filter f = scope.filter();
            add(terms, params, "segment", f.segment());
            add(terms, params, "tier", f.tier());
            add(terms, params, "owner", f.owner());
            add(terms, params, "team", f.team());
            add(terms, params, "stage", f.stage() == null ? null : f.stage().name());
            return new ScopeSql(String.join(" AND ", terms), params);
        }
        return new ScopeSql("true", Map.of());
    }

    /** True when the scope is every account, so a chunk's id range needs no further condition. */
    static boolean coversEveryAccount(EvaluationRequest.Scope scope) {
        return Boolean.TRUE.equals(scope.all());
    }

    /** Exactly one kind of target, and a filter that filters something. */
    static void check(EvaluationRequest.Scope scope) {
        int given = (scope.accountIds() != null ? 1 : 0) + (Boolean.TRUE.equals(scope.all()) ? 1 : 0)
                + (scope.segment() != null ? 1 : 0) + (scope.filter() != null ? 1 : 0);
        if (given != 1) {
            throw ProblemException.invalidField("scope", "give exactly one of accountIds, all: true, segment, filter");
        }
        if (scope.filter() != null && scope.filter().isEmpty()) {
            throw ProblemException.invalidField("scope.filter", "name at least one of segment, tier, owner, team, stage");
        }
    }

    private static void add(List<String> terms, Map<String, Object> params, String column, String value) {
        if (value != null) {
            terms.add("a." + column + " = :scope_" + column);
            params.put("scope_" + column, value);
        }
    }

    Map<String, Object> with(Map<String, Object> more) {
        Map<String, Object> all = new HashMap<>(params);
        all.putAll(more);
        return all;
    }
}
