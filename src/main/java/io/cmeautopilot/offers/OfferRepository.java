package io.cmeautopilot.offers;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class OfferRepository implements PanacheRepository<Offer> {
}
