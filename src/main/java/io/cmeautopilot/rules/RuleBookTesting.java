package io.cmeautopilot.rules;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.rules.scenarios.ScenarioReport;
import io.cmeautopilot.rules.scenarios.ScenarioRunner;

/** Runs scenarios against a rule book that is compiled for the purpose and never activated. */
@ApplicationScoped
public class RuleBookTesting {

    @Inject
    RuleBookService service;
    @Inject
    RuleEvaluator evaluator;

    public ScenarioReport run(Map<String, String> files, Map<String, String> scenarios) {
        Compilation compilation = service.validate(files);
        RuleBook book = compilation.book().orElseThrow(() -> new RuleBookRejectedException(
                "the given rule book has " + compilation.errors().size() + " error(s); no scenario ran", compilation.diagnostics()));
        Map<String, String> toRun = scenarios == null || scenarios.isEmpty() ? RuleFiles.scenarios(service.dir()) : scenarios;
        return ScenarioReport.of(book.version(), new ScenarioRunner(evaluator.engine()).runAll(book, toRun));
    }
}
