package io.cmeautopilot.offers;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.Page;
import io.cmeautopilot.tasks.TaskView;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Reading retention offers and expansion suggestions: one with its history, or lists newest first. */
@ApplicationScoped
public class OfferService {

    /** Where an offer lives in the API; its linked task points here. */
    static final String OFFERS = "/api/offers/";
    /** Where a suggestion lives in the API; its linked task points here. */
    static final String SUGGESTIONS = "/api/suggestions/";

    @Inject
    OfferRepository offers;
    @Inject
    SuggestionRepository suggestions;
    @Inject
    OfferHistory history;
    @Inject
    OfferScope scope;
    @Inject
    Lifecycle lifecycle;

    /** An offer with everything that happened to it. */
    public record OfferDetail(OfferView offer, List<TaskView.Change> history) {
    }

    /** A suggestion with everything that happened to it. */
    public record SuggestionDetail(SuggestionView suggestion, List<TaskView.Change> history) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OfferDetail offer(long id, Caller caller) {
        Offer offer = lifecycle.visible(offers.findByIdOptional(id), "offer", id, caller);
        return new OfferDetail(OfferView.of(offer), history.of(OfferHistory.Subject.OFFER, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SuggestionDetail suggestion(long id, Caller caller) {
        Suggestion suggestion = lifecycle.visible(suggestions.findByIdOptional(id), "suggestion", id, caller);
        return new SuggestionDetail(SuggestionView.of(suggestion), history.of(OfferHistory.Subject.SUGGESTION, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OfferView> offers(OfferScope.Filter filter, Caller caller, String cursor, int limit) {
        OfferScope.Ids page = scope.offers(filter, caller, cursor, limit);
        return new Page<>(load(offers, page.ids(), OfferView::of), page.nextCursor());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SuggestionView> suggestions(OfferScope.Filter filter, Caller caller, String cursor, int limit) {
        OfferScope.Ids page = scope.suggestions(filter, caller, cursor, limit);
        return new Page<>(load(suggestions, page.ids(), SuggestionView::of), page.nextCursor());
    }

    /** The rows of a page, in the page's order (newest first). */
    private static <E extends Proposed, V> List<V> load(PanacheRepository<E> repository, Collection<Long> ids,
            Function<E, V> view) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return repository.list("id in ?1", ids).stream().sorted(Comparator.comparing((E e) -> e.id).reversed())
                .map(view).toList();
    }
}
