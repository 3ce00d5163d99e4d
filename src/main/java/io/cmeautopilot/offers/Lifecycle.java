package io.cmeautopilot.offers;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.IfMatch;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.tasks.LinkedTasks;
import io.cmeautopilot.tasks.TaskStatus;

/**
 * The steps every change to an offer or suggestion takes: found and visible to the caller (404
 * otherwise), at the version the caller saw (412), each change in the history, and on closing the
 * outcome recorded and the linked task closed with it, all in the caller's transaction.
 */
@ApplicationScoped
class Lifecycle {

    @Inject
    OfferHistory history;
    @Inject
    OfferScope scope;
    @Inject
    LinkedTasks linkedTasks;
    @Inject
    Clock clock;

    <T extends Proposed> T visible(Optional<T> found, String what, long id, Caller caller) {
        return found.filter(p -> scope.canSee(p.accountId, p.taskId, caller))
                .orElseThrow(() -> ProblemException.notFound(what, id));
    }

    /** Visible, and unchanged since the caller read it ({@code If-Match}). */
    <T extends Proposed> T current(Optional<T> found, String what, long id, String ifMatch, Caller caller) {
        T p = visible(found, what, id, caller);
        IfMatch.require(ifMatch, p.version, what + " " + id);
        return p;
    }

    void record(OfferHistory.Subject subject, Proposed p, String actor, String change, Object from, Object to,
            String note) {
        history.record(subject, p.id, actor, change, from, to, note);
        p.updatedAt = clock.instant();
    }

    static ProblemException illegal(String what, long id, Object status, Object next) {
        return ProblemException.conflict(what + " " + id + " is " + status + " and cannot become " + next);
    }

    /** Records how it ended and closes its task (DONE, or DISMISSED when it was turned down by the CME). */
    void close(Proposed p, String outcome, String actor, TaskStatus taskStatus, String taskOutcome) {
        p.outcome = outcome;
        p.closedAt = clock.instant();
        p.closedBy = actor;
        if (p.taskId != null) {
            linkedTasks.close(p.taskId, taskStatus, taskOutcome, actor);
        }
    }
}
