package io.cmeautopilot.notify.endpoints;

import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cmeautopilot.common.AuditTrail;
import io.cmeautopilot.common.IfMatch;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.notify.MessagesDue;
import io.cmeautopilot.notify.NotifyConfig;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Registering, changing, pausing and removing endpoints; every change is audited in its transaction. */
@ApplicationScoped
public class EndpointService implements PanacheRepository<Endpoint> {

    static final String AUDIT_TYPE = "notify-endpoint";

    @Inject
    Clock clock;
    @Inject
    AddressPolicy addresses;
    @Inject
    AuditTrail audit;
    @Inject
    NotifyConfig config;
    @Inject
    Event<MessagesDue> due;

    @Transactional
    public EndpointView.WithSecret create(EndpointRequest request, String actor) {
        if (find("name", request.name()).firstResultOptional().isPresent()) {
            throw ProblemException.conflict("an endpoint named " + request.name() + " exists");
        }
        checkUrl(request.url());
        Instant now = clock.instant();
        Endpoint e = new Endpoint();
        e.name = request.name();
        e.kind = request.kind();
        e.url = request.url();
        e.description = request.description();
        e.eventTypes = request.eventTypes() == null ? new String[0] : request.eventTypes().toArray(String[]::new);
        e.secret = request.kind() == EndpointKind.WEBHOOK ? WebhookSecrets.generate() : null;
        e.state = EndpointState.ACTIVE;
        e.stateChangedAt = now;
        e.createdBy = actor;
        e.createdAt = now;
        e.updatedAt = now;
        persist(e);
        audit.record(actor, "create", AUDIT_TYPE, e.name, details(e));
        return new EndpointView.WithSecret(EndpointView.of(e, now), e.secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EndpointView> list() {
        Instant now = clock.instant();
        return list("order by name").stream().map(e -> EndpointView.of(e, now)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EndpointView> get(String name) {
        return find("name", name).firstResultOptional().map(e -> EndpointView.of(e, clock.instant()));
    }

    @Transactional
    public EndpointView update(String name, EndpointUpdate update, String ifMatch, String actor) {
        Endpoint e = load(name);
        IfMatch.require(ifMatch, e.version, "endpoint " + name);
        if (update.url() != null) {
            checkUrl(update.url());
            e.url = update.url();
        }
        if (update.description() != null) {
            e.description = update.description().isBlank() ? null : update.description();
        }
        if (update.eventTypes() != null) {
            e.eventTypes = update.eventTypes().toArray(String[]::new);
        }
        e.updatedAt = clock.instant();
        audit.record(actor, "update", AUDIT_TYPE, e.name, details(e));
        flush(); // the answer's version (ETag) is the one after this change
        return EndpointView.of(e, e.updatedAt);
    }

    @Transactional
    public boolean delete(String name, String actor) {
        Optional<Endpoint> e = find("name", name).firstResultOptional();
        e.ifPresent(endpoint -> {
            delete(endpoint);
            audit.record(actor, "delete", AUDIT_TYPE, name, null);
        });
        return e.isPresent();
    }

    /**
     * A new signing secret, shown once. The previous one keeps signing beside it for the grace period,
     * so receivers can switch without losing deliveries.
     */
    @Transactional
    public EndpointView.WithSecret rotateSecret(String name, String actor) {
        Endpoint e = load(name);
        if (e.kind != EndpointKind.WEBHOOK) {
            throw ProblemException.conflict("endpoint " + name + " is a " + e.kind + " endpoint and has no signing secret");
        }
        Instant now = clock.instant();
        e.previousSecret = e.secret;
        e.previousSecretExpiresAt = now.plus(config.secretRotationGrace());
        e.secret = WebhookSecrets.generate();
        e.updatedAt = now;
        audit.record(actor, "rotate-secret", AUDIT_TYPE, name,
                Map.of("previousSecretValidUntil", e.previousSecretExpiresAt.toString()));
        flush();
        return new EndpointView.WithSecret(EndpointView.of(e, now), e.secret);
    }

    /** Pausing holds the endpoint's messages (no attempts, retries not used up) until it is resumed. */
    @Transactional
    public EndpointView pause(String name, String actor) {
        return changeState(name, EndpointState.PAUSED, "paused by " + actor, actor, "pause");
    }

    /** Resuming makes a paused or disabled endpoint active; its waiting messages go out at once. */
    @Transactional
    public EndpointView resume(String name, String actor) {
        EndpointView view = changeState(name, EndpointState.ACTIVE, null, actor, "resume");
        due.fire(new MessagesDue());
        return view;
    }

    private EndpointView changeState(String name, EndpointState state, String reason, String actor, String action) {
        Endpoint e = load(name);
        Instant now = clock.instant();
        if (e.state != state) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", e.state.name());
            change.put("to", state.name());
            e.state = state;
            e.stateReason = reason;
            e.stateChangedAt = now;
            e.updatedAt = now;
            audit.record(actor, action, AUDIT_TYPE, name, change);
            flush();
        }
        return EndpointView.of(e, now);
    }

    private Endpoint load(String name) {
        return find("name", name).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("endpoint", name));
    }

    private void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw ProblemException.invalidField("url", "is not a valid URL: " + e.getReason());
        }
        try {
            Optional<String> refusal = addresses.refusal(uri);
            if (refusal.isPresent()) {
                throw ProblemException.invalidField("url", refusal.get());
            }
        } catch (UnknownHostException e) {
            throw ProblemException.invalidField("url", "the host " + uri.getHost() + " does not resolve");
        }
    }

    private static Map<String, Object> details(Endpoint e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", e.kind.name());
        details.put("url", EndpointTarget.shown(e.kind, e.url));
        details.put("eventTypes", List.of(e.eventTypes));
        return details;
    }
}
