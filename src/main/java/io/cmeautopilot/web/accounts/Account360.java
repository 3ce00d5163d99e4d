package io.cmeautopilot.web.accounts;

import java.util.List;
import java.util.Map;

import io.cmeautopilot.accounts.AccountView;
import io.cmeautopilot.accounts.subscriptions.SubscriptionView;
import io.cmeautopilot.common.AccountTimeline;
import io.cmeautopilot.health.HealthScoreView;
import io.cmeautopilot.health.ScoreChanges;
import io.cmeautopilot.health.report.Chart;
import io.cmeautopilot.offers.OfferView;
import io.cmeautopilot.offers.SuggestionView;
import io.cmeautopilot.rules.api.FeatureUsage;
import io.cmeautopilot.web.work.TaskRow;

/**
 * Everything the account page shows: who the customer is, their contracts, the metrics the rules
 * see, health with its trend and what moved, the open work, and what happened lately.
 */
public record Account360(AccountView account, Map<String, String> attributes, List<SubscriptionView> subscriptions,
        List<Metrics.Group> metrics, List<FeatureUsage> features, HealthScoreView health, ScoreChanges.Comparison changes,
        Chart trend, List<TaskRow> openTasks, List<OfferView> offers, List<SuggestionView> suggestions,
        List<AccountTimeline.Entry> timeline) {

    public String reportHref() {
        return "/api/accounts/" + account.id() + "/health/report.html";
    }
}
