package io.cmeautopilot.accounts.subscriptions;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cmeautopilot.accounts.AccountLookup;
import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.ProblemException;

@ApplicationScoped
public class SubscriptionService {

    @Inject
    SubscriptionRepository repository;
    @Inject
    AccountLookup accounts;
    @Inject
    Clock clock;

    record Upserted(SubscriptionView subscription, boolean created) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubscriptionView> list(long accountId, Caller caller) {
        requireAccount(accountId, caller);
        return repository.forAccount(accountId).stream().map(SubscriptionView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<SubscriptionView> get(long accountId, String externalId, Caller caller) {
        requireAccount(accountId, caller);
        return repository.find(accountId, externalId).map(SubscriptionView::of);
    }

    @Transactional
    Upserted upsert(long accountId, String externalId, SubscriptionRequest request, Caller caller) {
        requireAccount(accountId, caller);
        if (request.startDate() != null && request.renewalDate() != null
                && request.renewalDate().isBefore(request.startDate())) {
            throw ProblemException.invalidField("renewalDate", "must not be before startDate");
        }
        Optional<Subscription> existing = repository.find(accountId, externalId);
        Subscription s = existing.orElseGet(() -> {
            Subscription fresh = new Subscription();
            fresh.accountId = accountId;
            fresh.externalId = externalId;
            fresh.createdAt = clock.instant();
            return fresh;
        });
        s.plan = request.plan();
        s.status = request.status();
        s.seatsPurchased = request.seatsPurchased();
        s.usageLimit = request.usageLimit();
        s.featuresAvailable = request.featuresAvailable();
        s.arr = request.arr();
        s.mrr = request.mrr();
        s.startDate = request.startDate();
        s.renewalDate = request.renewalDate();
        s.licenceExpiry = request.licenceExpiry();
        s.updatedAt = clock.instant();
        repository.persistAndFlush(s);
        return new Upserted(SubscriptionView.of(s), existing.isEmpty());
    }

    @Transactional
    boolean delete(long accountId, String externalId, Caller caller) {
        requireAccount(accountId, caller);
        Optional<Subscription> s = repository.find(accountId, externalId);
        s.ifPresent(repository::delete);
        return s.isPresent();
    }

    private void requireAccount(long accountId, Caller caller) {
        if (!accounts.visible(accountId, caller)) {
            throw ProblemException.notFound("account", accountId);
        }
    }
}
