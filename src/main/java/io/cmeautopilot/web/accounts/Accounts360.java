package io.cmeautopilot.web.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.cmeautopilot.accounts.AccountService;
import io.cmeautopilot.accounts.AccountView;
import io.cmeautopilot.accounts.subscriptions.SubscriptionService;
import io.cmeautopilot.common.AccountTimeline;
import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.health.HealthScoreView;
import io.cmeautopilot.health.HealthService;
import io.cmeautopilot.health.ScoreChanges;
import io.cmeautopilot.health.report.HealthReportService;
import io.cmeautopilot.offers.OfferScope;
import io.cmeautopilot.offers.OfferService;
import io.cmeautopilot.offers.OfferStatus;
import io.cmeautopilot.offers.SuggestionStatus;
import io.cmeautopilot.snapshot.AccountSnapshot;
import io.cmeautopilot.snapshot.SnapshotService;
import io.cmeautopilot.tasks.TaskQuery;
import io.cmeautopilot.tasks.TaskService;
import io.cmeautopilot.web.Console;
import io.cmeautopilot.web.work.Queues;

/**
 * Assembles an account's page from the services that own each part. The account is read first with
 * the reader's {@link Caller}: outside a CME's book it does not exist (404), exactly as in the API,
 * and nothing else is read.
 */
@ApplicationScoped
public class Accounts360 {

    static final Duration TIMELINE = Duration.ofDays(30);
    static final int TIMELINE_ENTRIES = 60;

    @Inject
    AccountService accounts;
    @Inject
    SubscriptionService subscriptions;
    @Inject
    SnapshotService snapshots;
    @Inject
    HealthService health;
    @Inject
    HealthReportService reports;
    @Inject
    TaskService tasks;
    @Inject
    Queues queues;
    @Inject
    OfferService offers;
    @Inject
    Instance<AccountTimeline> timelines;

    public AccountView visible(long id, Caller caller) {
        return accounts.get(id, caller).orElseThrow(() -> ProblemException.notFound("account", id));
    }

    public Account360 load(long id, Console console) {
        Caller caller = console.caller();
        AccountView account = visible(id, caller);
        Instant now = console.now();
        AccountSnapshot snapshot = snapshots.snapshot(id, now).orElseThrow(() -> ProblemException.notFound("account", id));
        HealthScoreView score = scored(() -> health.current(id, caller));
        ScoreChanges.Comparison changes = score == null ? null : scored(() -> health.changes(id, null, null, caller));
        var open = tasks.list(TaskQuery.openOf(id), caller, null, 50).items();
        var openOffers = offers.offers(new OfferScope.Filter(id, null, names(OfferStatus.OPEN_STATES)), caller, null, 20).items();
        var openSuggestions = offers.suggestions(new OfferScope.Filter(id, null, names(SuggestionStatus.OPEN_STATES)),
                caller, null, 20).items();
        return new Account360(account, attributes(account), subscriptions.list(id, caller),
                Metrics.of(snapshot.account()), snapshot.features(), score, changes, reports.trend(id, caller),
                queues.rows(open, console), openOffers, openSuggestions, timeline(id, now));
    }

    private List<AccountTimeline.Entry> timeline(long id, Instant now) {
        List<AccountTimeline.Entry> entries = new ArrayList<>();
        for (AccountTimeline source : timelines) {
            entries.addAll(source.entries(id, now.minus(TIMELINE), TIMELINE_ENTRIES));
        }
        entries.sort(Comparator.comparing(AccountTimeline.Entry::at).reversed());
        return entries.size() > TIMELINE_ENTRIES ? entries.subList(0, TIMELINE_ENTRIES) : entries;
    }

    /** Custom attributes as people read them: the value, and its type when it is not plain text. */
    private static Map<String, String> attributes(AccountView account) {
        Map<String, String> shown = new LinkedHashMap<>();
        account.attributes().forEach((name, typed) -> shown.put(name, typed.path("value").asText()
                + ("string".equals(typed.path("type").asText()) ? "" : " (" + typed.path("type").asText() + ")")));
        return shown;
    }

    private static List<String> names(java.util.Set<? extends Enum<?>> states) {
        return states.stream().map(Enum::name).sorted().toList();
    }

    /** A health read that answers "not scored" (404) when the account has no score yet: null then. */
    private static <T> T scored(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ProblemException e) {
            if ("not-scored".equals(e.slug())) {
                return null;
            }
            throw e;
        }
    }
}
