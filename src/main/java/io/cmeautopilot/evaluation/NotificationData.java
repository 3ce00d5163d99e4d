package io.cmeautopilot.evaluation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.cmeautopilot.notify.templates.TemplateModel;
import io.cmeautopilot.rules.Proposal;
import io.cmeautopilot.rules.RuleInfo;
import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.Notification;

/**
 * What a rule notification's template is rendered with, and the model the rule-book check holds
 * templates to; kept together so that they cannot drift apart. {@code account}: the AccountFact the
 * rule matched; {@code params}: the rule's {@code .param(...)} values; {@code rule}: its name
 * ({@code {rule}}), {@code rule.description} and {@code rule.category}; {@code evidence}: the matched values.
 */
final class NotificationData {

    static final TemplateModel MODEL = TemplateModel.of(Map.of(
            "account", properties(AccountFact.class),
            "params", Set.of(),
            "rule", Set.of("name", "description", "category"),
            "evidence", Set.of()));

    /** The rule as a template sees it: {@code {rule}} alone prints its name. */
    record RuleRef(String name, String description, String category) {

        @Override
        public String toString() {
            return name;
        }
    }

    private NotificationData() {
    }

    static Map<String, Object> of(Notification notification, Proposal proposal, RuleInfo rule) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("account", notification.getAccount());
        data.put("params", notification.getParams());
        data.put("rule", new RuleRef(proposal.rule(), rule == null ? null : rule.description(),
                rule == null ? null : rule.category()));
        data.put("evidence", proposal.evidence());
        return data;
    }

    /** The bean properties a class declares itself ({@code getName()}: {@code name}). */
    static Set<String> properties(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 0).map(NotificationData::property)
                .filter(p -> !p.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static String property(Method getter) {
        String name = getter.getName();
        int prefix = name.startsWith("get") ? 3 : name.startsWith("is") ? 2 : 0;
        if (prefix == 0 || name.length() == prefix || !Character.isUpperCase(name.charAt(prefix))) {
            return "";
        }
        String rest = name.substring(prefix);
        // As java.beans does it: getURL is the property URL, getName is name.
        return rest.length() > 1 && Character.isUpperCase(rest.charAt(1)) ? rest
                : Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }
}
