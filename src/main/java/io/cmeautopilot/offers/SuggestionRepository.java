package io.cmeautopilot.offers;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class SuggestionRepository implements PanacheRepository<Suggestion> {
}
