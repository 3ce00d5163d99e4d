package io.cmeautopilot.offers;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.Page;
import io.cmeautopilot.tasks.TaskView;

/** Reading expansion suggestions: one with its history, or lists per account, per CME, newest first. */
@ApplicationScoped
class SuggestionService {

    /** Where a suggestion lives in the API; its linked task points here. */
    static final String PATH = "/api/suggestions/";

    @Inject
    SuggestionRepository suggestions;
    @Inject
    OfferHistory history;
    @Inject
    OfferScope scope;
    @Inject
    Lifecycle lifecycle;

    /** A suggestion with everything that happened to it. */
    record Detail(SuggestionView suggestion, List<TaskView.Change> history) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Detail get(long id, Caller caller) {
        Suggestion suggestion = lifecycle.visible(suggestions.findByIdOptional(id), "suggestion", id, caller);
        return new Detail(SuggestionView.of(suggestion), history.of(OfferHistory.Subject.SUGGESTION, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Page<SuggestionView> list(OfferScope.Filter filter, Caller caller, String cursor, int limit) {
        OfferScope.Ids page = scope.suggestions(filter, caller, cursor, limit);
        return new Page<>(load(page.ids()), page.nextCursor());
    }

    private List<SuggestionView> load(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return suggestions.list("id in ?1", ids).stream()
                .sorted(Comparator.comparing((Suggestion s) -> s.id).reversed()).map(SuggestionView::of).toList();
    }
}
