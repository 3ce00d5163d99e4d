package io.cmeautopilot.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Where an object's console page is, from its API path ({@code cdi:consoleLinks.of(ref)}): tasks,
 * offers and suggestions have pages of the same shape under {@code /console}; other objects none.
 */
@ApplicationScoped
@Named("consoleLinks")
public class ConsoleLinks {

    public String of(String apiPath) {
        if (apiPath == null) {
            return null;
        }
        for (String kind : new String[] { "/api/tasks/", "/api/offers/", "/api/suggestions/", "/api/evaluations/" }) {
            if (apiPath.startsWith(kind)) {
                String id = apiPath.substring(kind.length());
                String page = kind.equals("/api/evaluations/") ? Nav.RUNS + "/" : "/console/" + kind.substring(5);
                return id.chars().allMatch(Character::isDigit) && !id.isEmpty() ? page + id : null;
            }
        }
        return null;
    }
}
