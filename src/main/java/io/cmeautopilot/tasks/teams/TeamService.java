package io.cmeautopilot.tasks.teams;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.IfMatch;
import io.cmeautopilot.common.ProblemException;
import io.quarkus.panache.common.Sort;

/** Team settings: read by ops and a team's own CMEs, changed by ops and admins. */
@ApplicationScoped
public class TeamService {

    @Inject
    TeamRepository teams;
    @Inject
    TeamAssigner assigner;
    @Inject
    Clock clock;

    /** The result of an upsert: whether the team was new. */
    public record Upserted(TeamView team, boolean created) {
    }

    /** The assignment strategies a team may have, by code (owner-only, round-robin, least-loaded). */
    public static List<String> strategies() {
        return java.util.Arrays.stream(AssignmentStrategy.values()).map(AssignmentStrategy::code).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TeamView> list() {
        return teams.listAll(Sort.by("name")).stream().map(this::view).toList();
    }

    /** A team's settings; a CME sees only their own team's (404 for the others). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TeamView> get(String name, Caller caller) {
        if (caller.scopedToOwnAccounts() && !name.equals(caller.team())) {
            return Optional.empty();
        }
        return teams.findByIdOptional(name).map(this::view);
    }

    @Transactional
    public Upserted upsert(String name, TeamRequest request, String ifMatch) {
        String strategy = request.strategy() == null ? AssignmentStrategy.OWNER_ONLY.code() : request.strategy();
        if (AssignmentStrategy.fromCode(strategy).isEmpty()) {
            throw ProblemException.invalidField("strategy", "must be one of " + AssignmentStrategy.codes());
        }
        Instant now = clock.instant();
        Optional<Team> existing = teams.findByIdOptional(name);
        Team team = existing.orElseGet(() -> {
            Team t = new Team();
            t.name = name;
            t.createdAt = now;
            return t;
        });
        if (existing.isPresent()) {
            IfMatch.require(ifMatch, team.version, "team '" + name + "'");
        }
        team.lead = request.lead();
        team.email = request.email();
        team.strategy = strategy;
        team.updatedAt = now;
        teams.persistAndFlush(team);
        return new Upserted(view(team), existing.isEmpty());
    }

    /** Removes the settings; the team's tasks stay, and tasks without an owner wait in its queue again. */
    @Transactional
    public boolean delete(String name, String ifMatch) {
        Optional<Team> team = teams.findByIdOptional(name);
        team.ifPresent(t -> {
            IfMatch.require(ifMatch, t.version, "team '" + name + "'");
            teams.delete(t);
        });
        return team.isPresent();
    }

    private TeamView view(Team t) {
        return new TeamView(t.name, t.lead, t.email, t.strategy, assigner.members(t.name), t.version, t.createdAt,
                t.updatedAt);
    }
}
