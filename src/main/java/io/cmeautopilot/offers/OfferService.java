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

/** Reading retention offers: one with its history, or lists per account, per CME, newest first. */
@ApplicationScoped
class OfferService {

    /** Where an offer lives in the API; its linked task points here. */
    static final String PATH = "/api/offers/";

    @Inject
    OfferRepository offers;
    @Inject
    OfferHistory history;
    @Inject
    OfferScope scope;
    @Inject
    Lifecycle lifecycle;

    /** An offer with everything that happened to it. */
    record Detail(OfferView offer, List<TaskView.Change> history) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Detail get(long id, Caller caller) {
        Offer offer = lifecycle.visible(offers.findByIdOptional(id), "offer", id, caller);
        return new Detail(OfferView.of(offer), history.of(OfferHistory.Subject.OFFER, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Page<OfferView> list(OfferScope.Filter filter, Caller caller, String cursor, int limit) {
        OfferScope.Ids page = scope.offers(filter, caller, cursor, limit);
        return new Page<>(load(page.ids()), page.nextCursor());
    }

    private List<OfferView> load(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return offers.list("id in ?1", ids).stream().sorted(Comparator.comparing((Offer o) -> o.id).reversed())
                .map(OfferView::of).toList();
    }
}
