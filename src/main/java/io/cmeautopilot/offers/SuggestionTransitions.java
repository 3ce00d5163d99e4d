package io.cmeautopilot.offers;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.tasks.LinkedTasks;
import io.cmeautopilot.tasks.TaskClosing;
import io.cmeautopilot.tasks.TaskStatus;

/**
 * A CME working an expansion suggestion: pursue it (its task moves to in progress), then won (with
 * the realised ARR) or lost; or dismiss it. Legal moves only (409), at the version the caller saw
 * (412), each in the history; a closed suggestion closes its linked task.
 */
@ApplicationScoped
public class SuggestionTransitions {

    private static final OfferHistory.Subject SUGGESTION = OfferHistory.Subject.SUGGESTION;

    @Inject
    SuggestionRepository suggestions;
    @Inject
    Lifecycle lifecycle;
    @Inject
    LinkedTasks linkedTasks;

    @Transactional
    public SuggestionView pursue(long id, OfferRequests.Note request, String ifMatch, Caller caller) {
        Suggestion suggestion = current(id, ifMatch, caller);
        move(suggestion, SuggestionStatus.PURSUED, caller.username(), request.note());
        if (suggestion.taskId != null) {
            linkedTasks.start(suggestion.taskId, caller.username(), "expansion suggestion pursued");
        }
        return saved(suggestion);
    }

    @Transactional
    public SuggestionView win(long id, OfferRequests.Win request, String ifMatch, Caller caller) {
        Suggestion suggestion = current(id, ifMatch, caller);
        String me = caller.username();
        move(suggestion, SuggestionStatus.WON, me, request.note());
        lifecycle.record(SUGGESTION, suggestion, me, "realisedArr", null, request.realisedArr(), null);
        suggestion.realisedArr = request.realisedArr();
        String outcome = "won: realised ARR " + request.realisedArr().stripTrailingZeros().toPlainString()
                + (request.note() == null ? "" : "; " + request.note());
        lifecycle.close(suggestion, outcome, me, TaskStatus.DONE, "Expansion " + outcome);
        return saved(suggestion);
    }

    @Transactional
    public SuggestionView lose(long id, OfferRequests.Reason request, String ifMatch, Caller caller) {
        Suggestion suggestion = current(id, ifMatch, caller);
        move(suggestion, SuggestionStatus.LOST, caller.username(), request.reason());
        lifecycle.close(suggestion, request.reason(), caller.username(), TaskStatus.DONE,
                "Expansion lost: " + request.reason());
        return saved(suggestion);
    }

    @Transactional
    public SuggestionView dismiss(long id, OfferRequests.Reason request, String ifMatch, Caller caller) {
        Suggestion suggestion = current(id, ifMatch, caller);
        dismiss(suggestion, request.reason(), caller.username());
        return saved(suggestion);
    }

    /**
     * A CME closes the suggestion's task on the queue. Dismissing it while the suggestion is still
     * only suggested dismisses the suggestion with the same reason; any other closing is refused
     * (409: record won or lost, and the task closes with it), which undoes the task change too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void follow(TaskClosing closing, long suggestionId) {
        Suggestion suggestion = suggestions.findById(suggestionId);
        if (suggestion == null || suggestion.status.isClosed()) {
            return;
        }
        if (closing.status() == TaskStatus.DISMISSED && suggestion.status == SuggestionStatus.SUGGESTED) {
            dismiss(suggestion, closing.reason(), closing.actor());
            saved(suggestion);
            return;
        }
        throw ProblemException.conflict("task " + closing.taskId() + " belongs to expansion suggestion "
                + suggestionId + ", which is " + suggestion.status + ": " + (suggestion.status == SuggestionStatus.SUGGESTED
                        ? "pursue or dismiss the suggestion (dismissing the task dismisses it)"
                        : "record it as won or lost")
                + "; its task closes with it");
    }

    private void dismiss(Suggestion suggestion, String reason, String actor) {
        move(suggestion, SuggestionStatus.DISMISSED, actor, reason);
        lifecycle.close(suggestion, Objects.requireNonNull(reason), actor, TaskStatus.DISMISSED,
                "Expansion suggestion dismissed: " + reason);
    }

    private Suggestion current(long id, String ifMatch, Caller caller) {
        return lifecycle.current(suggestions.findByIdOptional(id), "suggestion", id, ifMatch, caller);
    }

    private void move(Suggestion suggestion, SuggestionStatus next, String actor, String note) {
        if (!suggestion.status.canMoveTo(next)) {
            throw Lifecycle.illegal("suggestion", suggestion.id, suggestion.status, next);
        }
        lifecycle.record(SUGGESTION, suggestion, actor, "status", suggestion.status, next, note);
        suggestion.status = next;
    }

    private SuggestionView saved(Suggestion suggestion) {
        suggestions.flush();
        return SuggestionView.of(suggestion);
    }
}
