package io.cmeautopilot.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.Cursor;
import io.cmeautopilot.common.IfMatch;
import io.cmeautopilot.common.JsonProblems;
import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.Problem;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.rules.api.Stage;

@ApplicationScoped
public class AccountService {

    static final int MAX_PAGE_SIZE = 500;

    @Inject
    AccountRepository repository;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;
    @Inject
    Validator validator;

    /** The result of an upsert: whether it created the account. */
    public record Upserted(AccountView account, boolean created) {
    }

    @Transactional
    public AccountView create(AccountRequest request) {
        validate(request);
        if (repository.findByExternalId(request.externalId()).isPresent()) {
            throw ProblemException.conflict("an account with externalId '" + request.externalId()
                    + "' already exists; use PUT /api/accounts/by-external-id/{externalId} to upsert");
        }
        Account account = new Account();
        account.createdAt = clock.instant();
        apply(account, request);
        repository.persistAndFlush(account);
        return AccountView.of(account);
    }

    @Transactional
    public Upserted upsert(String externalId, AccountRequest body, String ifMatch) {
        if (body.externalId() != null && !body.externalId().equals(externalId)) {
            throw ProblemException.invalidField("externalId", "must match the external id in the path");
        }
        AccountRequest request = body.withExternalId(externalId);
        validate(request);
        Optional<Account> existing = repository.findByExternalId(externalId);
        if (existing.isEmpty() && ifMatch != null && !"*".equals(ifMatch)) {
            throw ProblemException.preconditionFailed("account '" + externalId + "' does not exist");
        }
        Account account = existing.orElseGet(() -> {
            Account fresh = new Account();
            fresh.createdAt = clock.instant();
            return fresh;
        });
        existing.ifPresent(a -> checkVersion(a, ifMatch));
        apply(account, request);
        repository.persistAndFlush(account);
        return new Upserted(AccountView.of(account), existing.isEmpty());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AccountView> get(long id, Caller caller) {
        return repository.findByIdOptional(id).filter(a -> caller.canSee(a.owner, a.team)).map(AccountView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AccountView> getByExternalId(String externalId, Caller caller) {
        return repository.findByExternalId(externalId).filter(a -> caller.canSee(a.owner, a.team)).map(AccountView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AccountView> list(AccountFilter filter, Caller caller, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        long after = cursor == null ? 0 : Cursor.decodeLong(cursor);
        List<Account> rows = repository.page(filter, caller, after, limit + 1);
        boolean more = rows.size() > limit;
        List<AccountView> items = rows.stream().limit(limit).map(AccountView::of).toList();
        return new Page<>(items, more ? Cursor.encode(items.get(items.size() - 1).id()) : null);
    }

    /** Applies an RFC 7396 JSON merge patch; the result is validated like a full request. */
    @Transactional
    public AccountView patch(long id, JsonNode patch, String ifMatch, Caller caller) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("a merge patch must be a JSON object");
        }
        // Outside a CME's book the account is "not found": its existence is not theirs to learn.
        Account account = repository.findByIdOptional(id).filter(a -> caller.canSee(a.owner, a.team))
                .orElseThrow(() -> ProblemException.notFound("account", id));
        checkVersion(account, ifMatch);
        ObjectNode current = mapper.valueToTree(toRequest(account));
        JsonMergePatch.apply(current, (ObjectNode) patch);
        AccountRequest merged;
        try {
            merged = mapper.treeToValue(current, AccountRequest.class);
        } catch (JsonProcessingException e) {
            throw JsonProblems.toException(e);
        }
        validate(merged);
        if (!merged.externalId().equals(account.externalId)
                && repository.findByExternalId(merged.externalId()).isPresent()) {
            throw ProblemException.conflict("an account with externalId '" + merged.externalId() + "' already exists");
        }
        apply(account, merged);
        repository.flush();
        return AccountView.of(account);
    }

    /** Deletes the account and, by cascade, its subscriptions and signals. */
    @Transactional
    public boolean delete(long id, String ifMatch) {
        Optional<Account> account = repository.findByIdOptional(id);
        account.ifPresent(a -> checkVersion(a, ifMatch));
        account.ifPresent(repository::delete);
        return account.isPresent();
    }

    private void apply(Account account, AccountRequest request) {
        Map<String, CustomAttribute> attributes = parseAttributes(request.attributes(), new ArrayList<>());
        account.externalId = request.externalId();
        account.name = request.name();
        account.segment = request.segment();
        account.tier = request.tier();
        account.owner = request.owner();
        account.team = request.team();
        account.stage = request.stage() == null ? Stage.ONBOARDING : request.stage();
        account.signupDate = request.signupDate();
        account.goLiveDate = request.goLiveDate();
        account.attributes = attributes;
        account.updatedAt = clock.instant();
    }

    private static Map<String, CustomAttribute> parseAttributes(Map<String, JsonNode> json,
            List<Problem.FieldError> errors) {
        Map<String, CustomAttribute> attributes = new LinkedHashMap<>();
        if (json != null) {
            json.forEach((name, value) -> {
                try {
                    AttributeCodec.checkName(name);
                    if (value != null && !value.isNull()) {
                        attributes.put(name, AttributeCodec.fromJson(value));
                    }
                } catch (AttributeCodec.InvalidAttribute e) {
                    errors.add(new Problem.FieldError("attributes." + name, e.getMessage()));
                }
            });
        }
        return attributes;
    }

    private AccountRequest toRequest(Account a) {
        Map<String, JsonNode> attributes = new LinkedHashMap<>(AttributeCodec.toJson(a.attributes));
        return new AccountRequest(a.externalId, a.name, a.segment, a.tier, a.owner, a.team, a.stage,
                a.signupDate, a.goLiveDate, attributes);
    }

    /** Checks the bean constraints and the attributes together, so one answer lists every bad field. */
    private void validate(AccountRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<AccountRequest> v : validator.validate(request)) {
            errors.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        parseAttributes(request.attributes(), errors);
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(Problem.FieldError::field));
            throw ProblemException.invalid(errors.size() + " field(s) are invalid", errors);
        }
    }

    private static void checkVersion(Account account, String ifMatch) {
        IfMatch.require(ifMatch, account.version, "account " + account.id);
    }
}
