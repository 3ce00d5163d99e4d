package io.cmeautopilot.security.users;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Read-only view of users for the authentication mechanisms. */
@ApplicationScoped
public class UserDirectory {

    @Inject
    UserRepository repository;

    public record Person(String username, Set<String> roles, String team, boolean enabled) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Person> find(String username) {
        return repository.findByUsername(username)
                .map(u -> new Person(u.username, Set.of(u.roles), u.team, !u.disabled));
    }
}
