package io.cmeautopilot.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.cmeautopilot.notify.templates.TemplateDiagnostic;
import io.cmeautopilot.notify.templates.TemplateUse;
import io.cmeautopilot.notify.templates.Templates;
import io.cmeautopilot.rules.Compilation;
import io.cmeautopilot.rules.Diagnostic;
import io.cmeautopilot.rules.RuleBookCheck;
import io.cmeautopilot.rules.TemplateReference;

/**
 * The notification templates, checked with the rule book that names them: each
 * {@code .template("x")} of a DRL file needs {@code templates/x.txt} (an error on the DRL line), the
 * templates the service sends itself ({@link TemplateUse} beans: task escalations, approved offers)
 * must exist, every template file must parse, and a used template may only use the variables its
 * data will have. A name computed when the rule fires cannot be checked: a warning says so.
 */
@ApplicationScoped
class NotificationTemplateCheck implements RuleBookCheck {

    private static final String CODE = "template";

    @Inject
    Templates templates;
    @Inject
    Instance<TemplateUse> serviceTemplates;

    @Override
    public List<Diagnostic> check(Compilation compilation) {
        Set<String> present = templates.names();
        List<Diagnostic> found = new ArrayList<>();
        Map<String, TemplateUse> used = new LinkedHashMap<>();
        for (TemplateReference ref : compilation.templateReferences()) {
            if (ref.template() == null) {
                found.add(Diagnostic.warning(ref.file(), ref.line(), ref.column(), CODE, "the template name is computed "
                        + "when the rule fires, so it cannot be checked now; a missing template or variable will be a "
                        + "failure of the rule in the run"));
            } else if (!present.contains(ref.template())) {
                found.add(Diagnostic.error(ref.file(), ref.line(), ref.column(), CODE, "template '" + ref.template()
                        + "' does not exist: there is no " + file(ref.template())));
            } else {
                used.putIfAbsent("rule:" + ref.template(), new TemplateUse(ref.template(), "rule notifications",
                        NotificationData.MODEL));
            }
        }
        for (TemplateUse use : serviceTemplates) {
            if (!present.contains(use.template())) {
                found.add(Diagnostic.error(file(use.template()), 0, 0, CODE, "template '" + use.template() + "' (for "
                        + use.usedFor() + ") does not exist"));
            } else {
                used.putIfAbsent(use.usedFor() + ":" + use.template(), use);
            }
        }
        for (TemplateDiagnostic d : templates.check(used.values())) {
            found.add(Diagnostic.error(d.file(), d.line(), 0, CODE, d.message()));
        }
        return found;
    }

    private String file(String template) {
        String dir = templates.dir().getFileName() == null ? "templates" : templates.dir().getFileName().toString();
        return dir + "/" + template + ".txt";
    }
}
