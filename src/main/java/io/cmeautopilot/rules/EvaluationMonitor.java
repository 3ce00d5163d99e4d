package io.cmeautopilot.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.FeatureUsage;
import io.cmeautopilot.rules.api.ProposedAction;

/**
 * Watches one session: attributes every inserted action to the firing rule with its evidence,
 * counts firings per account and stops an account that exceeds the bound (its facts are retracted
 * and further matches refused), and records consequences that throw. One per session, one thread.
 */
final class EvaluationMonitor extends DefaultAgendaEventListener implements AgendaFilter, RuleRuntimeEventListener {

    /** Matches on no account (e.g. {@code eval(true)}) are counted under this key. */
    static final long NO_ACCOUNT = Long.MIN_VALUE;

    private final RuleBook book;
    private final int maxFiringsPerAccount;
    private final KieSession session;
    private final Map<Long, AccountFact> accounts = new HashMap<>();
    private final Map<Long, List<FactHandle>> handles = new HashMap<>();
    private final Map<Long, Integer> firings = new HashMap<>();
    // Hash maps on the hot path (one update per firing); sorted only for the result.
    private final Map<Long, Map<String, Integer>> firingsByAccountRule = new HashMap<>();
    private final Map<String, Integer> firingsByRule = new HashMap<>();
    private final Map<Rule, RuleInfo> infos = new java.util.IdentityHashMap<>();
    private final Set<Long> stopped = new LinkedHashSet<>();
    private final List<Long> toRetract = new ArrayList<>();
    private final List<Proposal> proposals = new ArrayList<>();
    private final List<RuleFailure> failures = new ArrayList<>();

    private Match current;
    private Map<String, Object> currentEvidence;
    private int currentFirstProposal;

    EvaluationMonitor(RuleBook book, int maxFiringsPerAccount, KieSession session) {
        this.book = book;
        this.maxFiringsPerAccount = maxFiringsPerAccount;
        this.session = session;
    }

    void insert(AccountFact account, List<FeatureUsage> features) {
        accounts.put(account.getId(), account);
        List<FactHandle> own = handles.computeIfAbsent(account.getId(), id -> new ArrayList<>());
        own.add(session.insert(account));
        for (FeatureUsage feature : features) {
            own.add(session.insert(feature));
        }
    }

    @Override
    public boolean accept(Match match) {
        long account = accountOf(match.getObjects());
        if (stopped.contains(account)) {
            return false;
        }
        String rule = match.getRule().getName();
        int n = firings.merge(account, 1, Integer::sum);
        firingsByAccountRule.computeIfAbsent(account, a -> new HashMap<>()).merge(rule, 1, Integer::sum);
        if (n > maxFiringsPerAccount) {
            stopped.add(account);
            toRetract.add(account);
            return false;
        }
        return true;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        current = event.getMatch();
        currentEvidence = null;
        currentFirstProposal = proposals.size();
        firingsByRule.merge(current.getRule().getName(), 1, Integer::sum);
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        current = null;
        retractStopped();
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (!(event.getObject() instanceof ProposedAction action)) {
            return;
        }
        handles.computeIfAbsent(action.getAccountId(), id -> new ArrayList<>()).add(event.getFactHandle());
        Rule rule = current != null ? current.getRule() : event.getRule();
        if (rule == null) {
            return;
        }
        if (currentEvidence == null) {
            currentEvidence = current == null ? Map.of() : evidence(rule, current.getObjects());
        }
        proposals.add(new Proposal(action, rule.getPackageName(), rule.getName(), book.version(), currentEvidence));
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Facts are immutable; nothing to follow.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // Retracted actions stay proposed: a rule that deletes what it inserted is not an undo.
    }

    /** A consequence threw: its half-done proposals are dropped, the failure recorded, the session goes on. */
    void failed(Match match, Exception exception) {
        if (current == match) {
            proposals.subList(currentFirstProposal, proposals.size()).clear();
            current = null;
        }
        long account = accountOf(match.getObjects());
        AccountFact fact = accounts.get(account);
        failures.add(new RuleFailure(match.getRule().getName(), account, fact == null ? null : fact.getExternalId(),
                messageOf(exception)));
    }

    EvaluationResult result() {
        retractStopped();
        List<RunawayAccount> runaways = stopped.stream().map(id -> new RunawayAccount(id,
                accounts.containsKey(id) ? accounts.get(id).getExternalId() : null, firings.get(id),
                new TreeMap<>(firingsByAccountRule.get(id)))).toList();
        List<Proposal> kept = proposals.stream().filter(p -> !stopped.contains(p.action().getAccountId())).toList();
        return new EvaluationResult(book.version(), accounts.size(), kept, List.copyOf(failures), runaways,
                new TreeMap<>(firingsByRule));
    }

    private void retractStopped() {
        for (Long account : toRetract) {
            for (FactHandle handle : handles.getOrDefault(account, List.of())) {
                if (session.getObject(handle) != null) {
                    session.delete(handle);
                }
            }
        }
        toRetract.clear();
    }

    private Map<String, Object> evidence(Rule rule, List<Object> objects) {
        RuleInfo info = infos.computeIfAbsent(rule, r -> book.rule(r.getPackageName(), r.getName()).orElse(null));
        if (info == null) {
            return Map.of();
        }
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
        return java.util.Collections.unmodifiableMap(evidence);
    }

    static long accountOf(List<Object> objects) {
        for (Object o : objects) {
            if (o instanceof AccountFact a) {
                return a.getId();
            }
            if (o instanceof FeatureUsage f) {
                return f.getAccountId();
            }
            if (o instanceof ProposedAction p) {
                return p.getAccountId();
            }
        }
        return NO_ACCOUNT;
    }

    private static String messageOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
