package io.cmeautopilot.web.offers;

import java.util.List;
import java.util.Map;

import io.cmeautopilot.offers.OfferView;
import io.cmeautopilot.offers.SuggestionView;

/**
 * One page of the offers inbox: retention offers or expansion suggestions, the reader's own (whose
 * task is on their queue) or all they may see, in one status or the open ones.
 */
public record Inbox(String tab, boolean mine, String status, List<String> statuses, List<OfferView> offers,
        List<SuggestionView> suggestions, Map<Long, String> accountNames, String cursor, String nextCursor) {

    public boolean offersTab() {
        return "offers".equals(tab);
    }

    public String href(String cursorAt) {
        return "/console/offers?tab=" + tab + (mine ? "&mine=true" : "") + (status == null ? "" : "&status=" + status)
                + (cursorAt == null ? "" : "&cursor=" + cursorAt);
    }

    public String firstHref() {
        return href(null);
    }

    public String nextHref() {
        return href(nextCursor);
    }

    public String accountName(long id) {
        return accountNames.getOrDefault(id, "account " + id);
    }

    public boolean isEmpty() {
        return offersTab() ? offers.isEmpty() : suggestions.isEmpty();
    }
}
