package io.cmeautopilot.accounts.subscriptions;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class SubscriptionRepository implements PanacheRepository<Subscription> {

    List<Subscription> forAccount(long accountId) {
        return list("accountId = ?1 order by id", accountId);
    }

    Optional<Subscription> find(long accountId, String externalId) {
        return find("accountId = ?1 and externalId = ?2", accountId, externalId).firstResultOptional();
    }
}
