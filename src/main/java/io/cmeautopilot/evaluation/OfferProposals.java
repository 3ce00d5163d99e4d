package io.cmeautopilot.evaluation;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.offers.RuleOffer;
import io.cmeautopilot.offers.RuleOfferWriter;
import io.cmeautopilot.offers.RuleOrigin;
import io.cmeautopilot.offers.RuleSuggestion;
import io.cmeautopilot.rules.Proposal;
import io.cmeautopilot.rules.RuleBook;
import io.cmeautopilot.rules.RuleInfo;
import io.cmeautopilot.rules.api.ExpansionSuggestion;
import io.cmeautopilot.rules.api.RetentionOffer;

/**
 * Hands retention-offer and expansion-suggestion proposals to the offers package as plain values
 * (offers know nothing of rules). Other kinds are not theirs: empty.
 */
@ApplicationScoped
class OfferProposals {

    @Inject
    RuleOfferWriter writer;

    /**
     * Applies the proposal inside the caller's transaction and answers its run statistic (created,
     * updated, cooldown); empty when it is neither an offer nor a suggestion.
     */
    Optional<String> write(RuleBook book, Proposal proposal, long runId) {
        RuleOfferWriter.Outcome outcome;
        if (proposal.action() instanceof RetentionOffer offer) {
            outcome = writer.write(offer(book, proposal, offer, runId));
        } else if (proposal.action() instanceof ExpansionSuggestion suggestion) {
            outcome = writer.write(suggestion(book, proposal, suggestion, runId));
        } else {
            return Optional.empty();
        }
        return Optional.of(switch (outcome) {
            case CREATED -> "created";
            case UPDATED -> "updated";
            case SUPPRESSED_BY_COOLDOWN -> "cooldown";
        });
    }

    /** What {@link #write} would do now, in words for explain; empty when it is neither an offer nor a suggestion. */
    Optional<String> explain(RuleBook book, Proposal proposal) {
        RuleOfferWriter.Outcome outcome;
        String what;
        if (proposal.action() instanceof RetentionOffer offer) {
            outcome = writer.preview(offer(book, proposal, offer, 0));
            what = "retention offer";
        } else if (proposal.action() instanceof ExpansionSuggestion suggestion) {
            outcome = writer.preview(suggestion(book, proposal, suggestion, 0));
            what = "expansion suggestion";
        } else {
            return Optional.empty();
        }
        return Optional.of(switch (outcome) {
            case CREATED -> "would create the " + what + " and its task";
            case UPDATED -> "would update the open " + what + " with the same key";
            case SUPPRESSED_BY_COOLDOWN -> "suppressed: the " + what + " with the same key closed within the rule's cooldown";
        });
    }

    private static RuleOffer offer(RuleBook book, Proposal proposal, RetentionOffer offer, long runId) {
        return new RuleOffer(offer.getAccountId(), offer.getOfferKind().code(), offer.getValue(), offer.getValidForDays(),
                offer.getReason(), origin(book, proposal, runId));
    }

    private static RuleSuggestion suggestion(RuleBook book, Proposal proposal, ExpansionSuggestion suggestion,
            long runId) {
        return new RuleSuggestion(suggestion.getAccountId(), suggestion.getSuggestionKind().code(),
                suggestion.getTarget(), suggestion.getEstimatedArrUplift(), suggestion.getReason(),
                origin(book, proposal, runId));
    }

    private static RuleOrigin origin(RuleBook book, Proposal proposal, long runId) {
        Duration cooldown = book.rule(proposal.rulePackage(), proposal.rule()).map(RuleInfo::cooldown).orElse(null);
        return new RuleOrigin(proposal.rule(), proposal.ruleBookVersion(), runId, proposal.evidence(),
                proposal.dedupeKey(), cooldown);
    }
}
