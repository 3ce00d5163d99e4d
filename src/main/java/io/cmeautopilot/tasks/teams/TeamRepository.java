package io.cmeautopilot.tasks.teams;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class TeamRepository implements PanacheRepositoryBase<Team, String> {
}
