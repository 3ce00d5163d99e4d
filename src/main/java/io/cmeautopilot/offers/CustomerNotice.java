package io.cmeautopilot.offers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.notify.DeliveryChannel;
import io.cmeautopilot.notify.OutboundMessage;
import io.cmeautopilot.notify.Outbox;
import io.cmeautopilot.notify.templates.TemplateModel;
import io.cmeautopilot.notify.templates.TemplateUse;
import io.cmeautopilot.notify.templates.Templates;

/**
 * The e-mail that takes an approved retention offer to the customer contact the approver named:
 * {@code templates/offer-approved} rendered with {@code offer} and {@code account}, written to the
 * outbox in the approving transaction. One per offer (an offer is approved once).
 */
@ApplicationScoped
class CustomerNotice {

    static final String EVENT_TYPE = "offer.approved";

    /** Declared, so that the rule-book check finds a missing template or variable before an offer is approved. */
    @Produces
    static final TemplateUse TEMPLATE = new TemplateUse("offer-approved", "approved retention offers", TemplateModel.of(Map.of(
            "offer", Set.of("id", "kind", "value", "validForDays", "validUntil", "approvedBy"),
            "account", Set.of("id", "externalId", "name"))));

    private static final NamedSql ACCOUNT = NamedSql.of("SELECT external_id, name FROM accounts WHERE id = :id");

    @Inject
    Outbox outbox;
    @Inject
    Templates templates;
    @Inject
    AgroalDataSource dataSource;

    /**
     * Enqueues the notice to the offer's contact in the caller's transaction; false (nothing sent)
     * when the approver named no contact.
     *
     * @throws io.cmeautopilot.notify.templates.TemplateRenderingException when the template cannot be
     *         rendered: the approval fails with it and changes nothing
     */
    boolean send(Offer offer) {
        if (offer.contact == null || offer.contact.isBlank()) {
            return false;
        }
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("id", offer.id);
        terms.put("kind", offer.kind);
        terms.put("value", offer.value == null ? null : offer.value.stripTrailingZeros().toPlainString());
        terms.put("validForDays", offer.validForDays);
        terms.put("validUntil", offer.expiresAt.atZone(ZoneOffset.UTC).toLocalDate().toString());
        terms.put("approvedBy", offer.decidedBy);
        Map<String, Object> data = Map.of("offer", terms, "account", account(offer.accountId));
        outbox.enqueue(OutboundMessage.builder(EVENT_TYPE, DeliveryChannel.EMAIL,
                OutboundMessage.Recipient.address(offer.contact), "offer-approved:" + offer.id)
                .accountId(offer.accountId).rendered(templates.render(TEMPLATE.template(), data)).payload(data)
                .evidence(Map.of("offerId", offer.id, "approvedBy", offer.decidedBy, "rule", offer.ruleName))
                .build());
        return true;
    }

    private Map<String, Object> account(long id) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", id);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = ACCOUNT.prepare(c, Map.of("id", id));
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("Offer's account " + id + " does not exist");
            }
            account.put("externalId", rs.getString("external_id"));
            account.put("name", rs.getString("name"));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read account " + id + " for the customer notice", e);
        }
        return account;
    }
}
