package io.cmeautopilot.offers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.tasks.TaskClosing;
import io.cmeautopilot.tasks.TaskStatus;

/**
 * A CME's decisions on retention offers: legal moves only (409 otherwise, nothing changed), at the
 * version the caller saw (412), each in the history; a settled offer closes its linked task.
 */
@ApplicationScoped
public class OfferTransitions {

    private static final OfferHistory.Subject OFFER = OfferHistory.Subject.OFFER;

    @Inject
    OfferRepository offers;
    @Inject
    Lifecycle lifecycle;
    @Inject
    Clock clock;
    @Inject
    CustomerNotice customerNotice;

    @Transactional
    public OfferView approve(long id, OfferRequests.Approve request, String ifMatch, Caller caller) {
        Offer offer = current(id, ifMatch, caller);
        String me = caller.username();
        move(offer, OfferStatus.APPROVED, me, request.note());
        if (request.value() != null && (offer.value == null || request.value().compareTo(offer.value) != 0)) {
            if ("discount".equals(offer.kind) && request.value().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw ProblemException.invalidField("value", "a discount is a percentage, at most 100");
            }
            lifecycle.record(OFFER, offer, me, "value", offer.value, request.value(), "changed on approval");
            offer.value = request.value();
        }
        if (request.validForDays() != null && request.validForDays() != offer.validForDays) {
            lifecycle.record(OFFER, offer, me, "validForDays", offer.validForDays, request.validForDays(),
                    "changed on approval");
            offer.validForDays = request.validForDays();
        }
        offer.expiresAt = clock.instant().plus(Duration.ofDays(offer.validForDays));
        offer.contact = request.contact();
        offer.decidedBy = me;
        noticeToCustomer(offer, me);
        return saved(offer);
    }

    @Transactional
    public OfferView reject(long id, OfferRequests.Reason request, String ifMatch, Caller caller) {
        Offer offer = current(id, ifMatch, caller);
        reject(offer, request.reason(), caller.username());
        return saved(offer);
    }

    @Transactional
    public OfferView send(long id, OfferRequests.Note request, String ifMatch, Caller caller) {
        Offer offer = current(id, ifMatch, caller);
        move(offer, OfferStatus.SENT, caller.username(), request.note());
        return saved(offer);
    }

    @Transactional
    public OfferView accept(long id, OfferRequests.Note request, String ifMatch, Caller caller) {
        Offer offer = current(id, ifMatch, caller);
        settle(offer, OfferStatus.ACCEPTED, Objects.requireNonNullElse(request.note(), "accepted"), caller.username());
        return saved(offer);
    }

    @Transactional
    public OfferView decline(long id, OfferRequests.OptionalReason request, String ifMatch, Caller caller) {
        Offer offer = current(id, ifMatch, caller);
        settle(offer, OfferStatus.DECLINED, Objects.requireNonNullElse(request.reason(), "declined"),
                caller.username());
        return saved(offer);
    }

    /**
     * A CME closes the offer's task on the queue. Dismissing it while the offer waits for a decision
     * rejects the offer with the same reason; any other closing is refused (409: settle the offer, and
     * the task closes with it), which undoes the task change too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void follow(TaskClosing closing, long offerId) {
        Offer offer = offers.findById(offerId);
        if (offer == null || offer.status.isClosed()) {
            return;
        }
        if (closing.status() == TaskStatus.DISMISSED && offer.status == OfferStatus.PROPOSED) {
            reject(offer, closing.reason(), closing.actor());
            saved(offer);
            return;
        }
        throw ProblemException.conflict("task " + closing.taskId() + " belongs to retention offer " + offerId
                + ", which is " + offer.status + ": " + (offer.status == OfferStatus.PROPOSED
                        ? "approve or reject the offer (dismissing the task rejects it)"
                        : "record the customer's answer, or let the offer expire")
                + "; its task closes with it");
    }

    private void reject(Offer offer, String reason, String actor) {
        move(offer, OfferStatus.REJECTED, actor, reason);
        offer.decidedBy = actor;
        lifecycle.close(offer, reason, actor, TaskStatus.DISMISSED, "Retention offer rejected: " + reason);
    }

    /** The customer answered: the offer is closed and so is its task. */
    private void settle(Offer offer, OfferStatus answer, String outcome, String actor) {
        move(offer, answer, actor, outcome);
        lifecycle.close(offer, outcome, actor, TaskStatus.DONE, "Retention offer " + answer + ": " + outcome);
    }

    /**
     * The approved offer is to reach the customer contact: recorded in the offer's history and, when
     * the approver named a contact, written to the notification outbox, both in the approving transaction.
     */
    private void noticeToCustomer(Offer offer, String actor) {
        String to = offer.contact != null ? offer.contact : "customer contact of account " + offer.accountId;
        boolean sent = customerNotice.send(offer);
        lifecycle.record(OFFER, offer, actor, "notice", null, to, "approved offer for the customer: " + offer.kind
                + (offer.value == null ? "" : " " + offer.value.stripTrailingZeros().toPlainString())
                + ", valid until " + offer.expiresAt + (sent ? "" : "; not sent: no contact was named on approval"));
    }

    private Offer current(long id, String ifMatch, Caller caller) {
        return lifecycle.current(offers.findByIdOptional(id), "offer", id, ifMatch, caller);
    }

    private void move(Offer offer, OfferStatus next, String actor, String note) {
        if (!offer.status.canMoveTo(next)) {
            throw Lifecycle.illegal("offer", offer.id, offer.status, next);
        }
        lifecycle.record(OFFER, offer, actor, "status", offer.status, next, note);
        offer.status = next;
    }

    private OfferView saved(Offer offer) {
        offers.flush();
        return OfferView.of(offer);
    }
}
