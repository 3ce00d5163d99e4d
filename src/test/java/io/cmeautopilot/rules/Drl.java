package io.cmeautopilot.rules;

import java.time.Clock;
import java.util.Map;

/** Small DRL fixtures for plain-JUnit rule tests. */
final class Drl {

    static final RuleBookCompiler COMPILER = new RuleBookCompiler(Clock.systemUTC());

    private Drl() {
    }

    /** A file of one package that imports the rule author's API, then the given body. */
    static String file(String pkg, String body) {
        return "package " + pkg + "\n\nimport io.cmeautopilot.rules.api.*\n\n" + body;
    }

    static Compilation compile(Map<String, String> files) {
        return COMPILER.compile(files);
    }

    static RuleBook book(Map<String, String> files) {
        Compilation c = compile(files);
        if (!c.succeeded()) {
            throw new AssertionError("does not compile: " + c.diagnostics());
        }
        return c.book().orElseThrow();
    }
}
