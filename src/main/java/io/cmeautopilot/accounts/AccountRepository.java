package io.cmeautopilot.accounts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.cmeautopilot.common.Caller;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
class AccountRepository implements PanacheRepository<Account> {

    Optional<Account> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    /** Keyset page: accounts with id greater than {@code afterId}, matching the filter, by id. */
    List<Account> page(AccountFilter filter, Caller caller, long afterId, int limit) {
        StringBuilder query = new StringBuilder("id > :after");
        Map<String, Object> params = new HashMap<>(Map.of("after", afterId));
        if (caller.scopedToOwnAccounts()) {
            query.append(caller.team() == null ? " and owner = :me" : " and (owner = :me or team = :myTeam)");
            params.put("me", caller.username());
            if (caller.team() != null) {
                params.put("myTeam", caller.team());
            }
        }
        addEquals(query, params, "segment", filter.segment());
        addEquals(query, params, "tier", filter.tier());
        addEquals(query, params, "owner", filter.owner());
        addEquals(query, params, "team", filter.team());
        addEquals(query, params, "stage", filter.stage());
        if (filter.nameContains() != null) {
            query.append(" and lower(name) like :name");
            params.put("name", "%" + escapeLike(filter.nameContains().toLowerCase()) + "%");
        }
        query.append(" order by id");
        Parameters parameters = new Parameters();
        params.forEach(parameters::and);
        return find(query.toString(), parameters).range(0, limit - 1).list();
    }

    private static void addEquals(StringBuilder query, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            query.append(" and ").append(field).append(" = :").append(field);
            params.put(field, value);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
