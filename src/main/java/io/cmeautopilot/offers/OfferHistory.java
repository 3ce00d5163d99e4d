package io.cmeautopilot.offers;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.tasks.TaskView;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Appends to the history of offers and suggestions; every change a service makes goes through here. */
@ApplicationScoped
class OfferHistory implements PanacheRepository<OfferHistoryEntry> {

    /** Whose history: an offer's or a suggestion's. */
    enum Subject {
        OFFER("offerId", "offer_id"), SUGGESTION("suggestionId", "suggestion_id");

        final String field;
        final String column;

        Subject(String field, String column) {
            this.field = field;
            this.column = column;
        }
    }

    @Inject
    Clock clock;

    void record(Subject subject, long id, String actor, String change, Object from, Object to, String note) {
        OfferHistoryEntry entry = new OfferHistoryEntry();
        if (subject == Subject.OFFER) {
            entry.offerId = id;
        } else {
            entry.suggestionId = id;
        }
        entry.at = clock.instant();
        entry.actor = actor;
        entry.change = change;
        entry.fromValue = from == null ? null : from.toString();
        entry.toValue = to == null ? null : to.toString();
        entry.note = note;
        persist(entry);
    }

    List<TaskView.Change> of(Subject subject, long id) {
        return list(subject.field + " = ?1 order by id", id).stream()
                .map(e -> new TaskView.Change(e.at, e.actor, e.change, e.fromValue, e.toValue, e.note)).toList();
    }
}
