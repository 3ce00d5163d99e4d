package io.cmeautopilot.security.users;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class UserRepository implements PanacheRepository<User> {

    Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
