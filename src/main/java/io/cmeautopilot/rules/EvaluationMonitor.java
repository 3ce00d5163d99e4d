package io.cmeautopilot.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

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

import io.cmeautopilot.common.Failures;
import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.FeatureUsage;
import io.cmeautopilot.rules.api.ProposedAction;

/**
 * Watches one session: attributes every inserted action to the firing rule with its evidence,
 * counts firings per account and stops an account that exceeds the bound (its facts are retracted
 * and further matches refused), and records consequences that throw. One per session, one thread.
 *
 * <p>Every firing passes through here, so the bookkeeping is kept small: one lookup of the account
 * (a primitive-keyed table) and one of the rule (by identity, usually the rule of the previous
 * firing), plain int counters, the matched objects read once per firing, and evidence that is only
 * read from the (immutable) facts when someone asks for it ({@link Evidence}).
 */
final class EvaluationMonitor extends DefaultAgendaEventListener implements AgendaFilter, RuleRuntimeEventListener {

    /** Matches on no account (e.g. {@code eval(true)}) are counted under this key. */
    static final long NO_ACCOUNT = Long.MIN_VALUE;

    private final RuleBook book;
    /** The rules that may fire; null: all. */
    private final Predicate<RuleInfo> selected;
    private final int maxFiringsPerAccount;
    private final KieSession session;
    private final AccountTable accounts;
    private final Map<Rule, RuleState> rules = new IdentityHashMap<>();
    private final List<RuleState> ruleList = new ArrayList<>();
    private final List<AccountState> stopped = new ArrayList<>();
    private final List<AccountState> toRetract = new ArrayList<>();
    private final List<Proposal> proposals = new ArrayList<>();
    private final List<RuleFailure> failures = new ArrayList<>();
    /** Handles deleted while the session fired (by rules or by the guard): not to be deleted again. */
    private final Set<FactHandle> deleted = Collections.newSetFromMap(new IdentityHashMap<>());
    private int insertedAccounts;
    private RuleState lastRule;

    // What accept() found out about the match it let through last; that match fires next.
    private Match accepted;
    private List<Object> acceptedObjects;
    private AccountState acceptedAccount;
    private RuleState acceptedRule;

    // The firing in progress.
    private Match current;
    private List<Object> currentObjects;
    private AccountState currentAccount;
    private RuleState currentRule;
    private Map<String, Object> currentEvidence;
    private int currentFirstProposal;

    EvaluationMonitor(RuleBook book, int maxFiringsPerAccount, KieSession session, int expectedAccounts,
            Predicate<RuleInfo> selected) {
        this.book = book;
        this.selected = selected;
        this.accounts = new AccountTable(expectedAccounts);
        this.maxFiringsPerAccount = maxFiringsPerAccount;
        this.session = session;
    }

    void insert(AccountFact account, List<FeatureUsage> features) {
        AccountState state = accounts.getOrAdd(account.getId());
        if (state.fact == null) {
            insertedAccounts++;
        }
        state.fact = account;
        state.addHandle(session.insert(account));
        for (FeatureUsage feature : features) {
            state.addHandle(session.insert(feature));
        }
    }

    @Override
    public boolean accept(Match match) {
        List<Object> objects = match.getObjects();
        AccountState account = accounts.getOrAdd(accountOf(objects));
        if (account.stopped) {
            return false;
        }
        RuleState rule = ruleState(match.getRule());
        if (!rule.selected) {
            return false;
        }
        if (account.count(rule.index) > maxFiringsPerAccount) {
            account.stopped = true;
            stopped.add(account);
            toRetract.add(account);
            return false;
        }
        accepted = match;
        acceptedObjects = objects;
        acceptedAccount = account;
        acceptedRule = rule;
        return true;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        Match match = event.getMatch();
        current = match;
        if (match == accepted) {
            currentObjects = acceptedObjects;
            currentAccount = acceptedAccount;
            currentRule = acceptedRule;
        } else { // not seen by accept() (fired without the filter): look it up
            currentObjects = match.getObjects();
            currentAccount = accounts.getOrAdd(accountOf(currentObjects));
            currentRule = ruleState(match.getRule());
        }
        accepted = null;
        acceptedObjects = null;
        currentEvidence = null;
        currentFirstProposal = proposals.size();
        currentRule.fired++;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        current = null;
        currentObjects = null;
        currentAccount = null;
        if (!toRetract.isEmpty()) {
            retractStopped();
        }
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (!(event.getObject() instanceof ProposedAction action)) {
            return;
        }
        AccountState owner = currentAccount != null && currentAccount.id == action.getAccountId() ? currentAccount
                : accounts.getOrAdd(action.getAccountId());
        owner.addHandle(event.getFactHandle());
        RuleState rule;
        if (current != null) {
            rule = currentRule;
            if (currentEvidence == null) {
                currentEvidence = Evidence.of(rule.info, currentObjects);
            }
        } else if (event.getRule() != null) {
            rule = ruleState(event.getRule());
            currentEvidence = Map.of();
        } else {
            return;
        }
        proposals.add(new Proposal(action, rule.packageName, rule.name, book.version(), currentEvidence));
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Facts are immutable; nothing to follow.
    }

    /** Retracted actions stay proposed (a rule that deletes what it inserted is not an undo); the handle is gone. */
    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        deleted.add(event.getFactHandle());
    }

    /** A consequence threw: its half-done proposals are dropped, the failure recorded, the session goes on. */
    void failed(Match match, Exception exception) {
        if (current == match) {
            proposals.subList(currentFirstProposal, proposals.size()).clear();
            current = null;
            currentObjects = null;
            currentAccount = null;
        }
        long account = accountOf(match.getObjects());
        AccountState state = accounts.get(account);
        AccountFact fact = state == null ? null : state.fact;
        failures.add(new RuleFailure(match.getRule().getName(), account, fact == null ? null : fact.getExternalId(),
                Failures.rootMessage(exception)));
    }

    EvaluationResult result() {
        retractStopped();
        List<RunawayAccount> runaways = stopped.stream().map(a -> new RunawayAccount(a.id,
                a.fact == null ? null : a.fact.getExternalId(), a.firings, a.firingsByRule(ruleList))).toList();
        List<Proposal> kept = stopped.isEmpty() ? Collections.unmodifiableList(proposals)
                : proposals.stream().filter(p -> !isStopped(p.action().getAccountId())).toList();
        Map<String, Integer> firingsByRule = new TreeMap<>();
        for (RuleState rule : ruleList) {
            if (rule.fired > 0) {
                firingsByRule.merge(rule.name, rule.fired, Integer::sum);
            }
        }
        return new EvaluationResult(book.version(), insertedAccounts, kept, List.copyOf(failures), runaways, firingsByRule);
    }

    private boolean isStopped(long account) {
        AccountState state = accounts.get(account);
        return state != null && state.stopped;
    }

    private RuleState ruleState(Rule rule) {
        RuleState last = lastRule;
        if (last != null && last.rule == rule) {
            return last;
        }
        RuleState state = rules.get(rule);
        if (state == null) {
            RuleInfo info = book.rule(rule.getPackageName(), rule.getName()).orElse(null);
            state = new RuleState(rule, ruleList.size(), info, selected == null || (info != null && selected.test(info)));
            rules.put(rule, state);
            ruleList.add(state);
        }
        lastRule = state;
        return state;
    }

    private void retractStopped() {
        for (AccountState account : toRetract) {
            for (int i = 0; i < account.handleCount; i++) {
                FactHandle handle = account.handles[i];
                // Not session.getObject(handle): a session without thread safety throws from it (Drools 10.2).
                if (!deleted.contains(handle)) {
                    session.delete(handle);
                }
            }
        }
        toRetract.clear();
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

    /** A rule of the book as this session sees it: its metadata and how often it fired. */
    private static final class RuleState {
        final Rule rule;
        final int index;
        final String packageName;
        final String name;
        final RuleInfo info;
        final boolean selected;
        int fired;

        RuleState(Rule rule, int index, RuleInfo info, boolean selected) {
            this.rule = rule;
            this.selected = selected;
            this.index = index;
            this.packageName = rule.getPackageName();
            this.name = rule.getName();
            this.info = info;
        }
    }

    /**
     * One account in the session: its fact, the handles of its facts and actions (to retract them when
     * it is stopped), and the rules it fired, in order (at most the bound + 1 of them, so no per-rule map).
     */
    private static final class AccountState {
        final long id;
        AccountFact fact;
        FactHandle[] handles = new FactHandle[2];
        int handleCount;
        int[] fired = new int[4];
        int firings;
        boolean stopped;

        AccountState(long id) {
            this.id = id;
        }

        void addHandle(FactHandle handle) {
            if (handleCount == handles.length) {
                handles = Arrays.copyOf(handles, handleCount * 2);
            }
            handles[handleCount++] = handle;
        }

        /** Counts a firing of the rule with this index; the account's firings so far, this one included. */
        int count(int rule) {
            if (firings == fired.length) {
                fired = Arrays.copyOf(fired, firings * 2);
            }
            fired[firings++] = rule;
            return firings;
        }

        Map<String, Integer> firingsByRule(List<RuleState> rules) {
            Map<String, Integer> byRule = new TreeMap<>();
            for (int i = 0; i < firings; i++) {
                byRule.merge(rules.get(fired[i]).name, 1, Integer::sum);
            }
            return byRule;
        }
    }

    /** Accounts by id: open addressing on primitive longs (no boxing, one probe in the common case). */
    private static final class AccountTable {
        private long[] keys;
        private AccountState[] values;
        private int size;

        AccountTable(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, Math.min(expected, 1 << 24)) * 4 - 1);
            keys = new long[capacity];
            values = new AccountState[capacity];
        }

        AccountState get(long id) {
            int mask = keys.length - 1;
            for (int i = slot(id, mask);; i = (i + 1) & mask) {
                AccountState v = values[i];
                if (v == null || keys[i] == id) {
                    return v;
                }
            }
        }

        AccountState getOrAdd(long id) {
            int mask = keys.length - 1;
            int i = slot(id, mask);
            for (;; i = (i + 1) & mask) {
                AccountState v = values[i];
                if (v == null) {
                    break;
                }
                if (keys[i] == id) {
                    return v;
                }
            }
            AccountState added = new AccountState(id);
            keys[i] = id;
            values[i] = added;
            if (++size * 2 > keys.length) {
                grow();
            }
            return added;
        }

        private void grow() {
            long[] oldKeys = keys;
            AccountState[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new AccountState[oldValues.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldValues.length; j++) {
                if (oldValues[j] != null) {
                    int i = slot(oldKeys[j], mask);
                    while (values[i] != null) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }

        private static int slot(long id, int mask) {
            long h = id * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }
}
