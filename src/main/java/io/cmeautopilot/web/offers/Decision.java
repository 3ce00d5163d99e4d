package io.cmeautopilot.web.offers;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cmeautopilot.offers.OfferStatus;
import io.cmeautopilot.offers.OfferView;
import io.cmeautopilot.offers.SuggestionStatus;
import io.cmeautopilot.offers.SuggestionView;
import io.cmeautopilot.tasks.TaskView;

/**
 * An offer or a suggestion to decide, with its account, why a rule proposed it and its history.
 * Exactly one of {@code offer} and {@code suggestion} is set; says which moves its status allows.
 */
public record Decision(OfferView offer, SuggestionView suggestion, String accountName, List<TaskView.Change> history,
        boolean showRuns) {

    public boolean isOffer() {
        return offer != null;
    }

    public long id() {
        return isOffer() ? offer.id() : suggestion.id();
    }

    public long version() {
        return isOffer() ? offer.version() : suggestion.version();
    }

    public long accountId() {
        return isOffer() ? offer.accountId() : suggestion.accountId();
    }

    public String status() {
        return isOffer() ? offer.status().name() : suggestion.status().name();
    }

    public TaskView.Origin origin() {
        return isOffer() ? offer.origin() : suggestion.origin();
    }

    public Long taskId() {
        return isOffer() ? offer.taskId() : suggestion.taskId();
    }

    /** This decision's page (offers and suggestions have pages of the same shape). */
    public String path() {
        return (isOffer() ? "/console/offers/" : "/console/suggestions/") + id();
    }

    public Map<String, Object> evidence() {
        return origin() == null || origin().evidence() == null ? Map.of() : new TreeMap<>(origin().evidence());
    }

    public boolean proposed() {
        return isOffer() ? offer.status() == OfferStatus.PROPOSED : suggestion.status() == SuggestionStatus.SUGGESTED;
    }

    public boolean approved() {
        return isOffer() && offer.status() == OfferStatus.APPROVED;
    }

    public boolean sent() {
        return isOffer() && offer.status() == OfferStatus.SENT;
    }

    public boolean pursued() {
        return !isOffer() && suggestion.status() == SuggestionStatus.PURSUED;
    }
}
