package io.cmeautopilot.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Defence in depth, not a sandbox: DRL is trusted code (only ops may change it), but a rule book
 * that imports outside the allow-list or names the usual escape hatches is refused before Drools
 * even compiles it (compiling evaluates metadata values, so it must not see such text at all).
 */
final class SafetyCheck {

    private static final Set<String> ALLOWED_PACKAGES = Set.of("io.cmeautopilot.rules.api", "java.time", "java.math");
    private static final Set<String> ALLOWED_CLASSES = Set.of(
            "java.util.List", "java.util.Map", "java.util.Set", "java.util.Collection", "java.util.Arrays",
            "java.lang.Math", "java.lang.String", "java.lang.StringBuilder", "java.lang.Integer", "java.lang.Long",
            "java.lang.Double", "java.lang.Float", "java.lang.Short", "java.lang.Byte", "java.lang.Boolean",
            "java.lang.Character", "java.lang.Number", "java.lang.Comparable", "java.lang.Object");

    private record Forbidden(Pattern pattern, String why) {
    }

    private static final List<Forbidden> FORBIDDEN = List.of(
            new Forbidden(Pattern.compile("\\bRuntime\\b"), "Runtime (process control)"),
            new Forbidden(Pattern.compile("\\bProcess(Builder|Handle)?\\b"), "process creation"),
            new Forbidden(Pattern.compile("\\bSystem\\s*\\."), "System.* (exit, properties, environment)"),
            new Forbidden(Pattern.compile("\\bThread\\w*"), "threads"),
            new Forbidden(Pattern.compile("\\b\\w*ClassLoader\\b"), "class loaders"),
            new Forbidden(Pattern.compile("\\bClass\\s*\\.\\s*forName\\b"), "reflection (Class.forName)"),
            new Forbidden(Pattern.compile("\\bgetClass\\b"), "reflection (getClass)"),
            new Forbidden(Pattern.compile("\\.\\s*class\\b"), "reflection (class literals)"),
            new Forbidden(Pattern.compile("\\b(getDeclared\\w*|getMethods?|getFields?|getConstructors?|setAccessible|newInstance|invoke)\\b"),
                    "reflection"),
            new Forbidden(Pattern.compile("\\bjava\\s*\\.\\s*lang\\s*\\.\\s*(reflect|invoke)\\b|\\bMethodHandles?\\b"), "reflection"),
            new Forbidden(Pattern.compile("\\bjava\\s*\\.\\s*(io|nio|net)\\b"), "files and sockets (java.io, java.nio, java.net)"),
            new Forbidden(Pattern.compile("\\b(File|Files|Paths|FileInputStream|FileOutputStream|RandomAccessFile|Socket|ServerSocket|URL|URLConnection|HttpClient)\\b"),
                    "files and sockets"),
            new Forbidden(Pattern.compile("\\b(javax|jdk|sun|com\\s*\\.\\s*sun)\\s*\\."), "JDK internals"),
            new Forbidden(Pattern.compile("\\bjava\\s*\\.\\s*util\\s*\\.\\s*concurrent\\b|\\bExecutors?\\w*"), "concurrency"),
            new Forbidden(Pattern.compile("\\b(Unsafe|ScriptEngine\\w*|ObjectInputStream)\\b"), "JVM escape hatches"),
            new Forbidden(Pattern.compile("\\bgetKieRuntime\\b|\\bkcontext\\b"), "direct access to the engine session"));

    private SafetyCheck() {
    }

    static List<Diagnostic> check(DrlText drl) {
        List<Diagnostic> found = new ArrayList<>();
        for (DrlText.Import imp : drl.imports()) {
            if (!allowed(imp)) {
                found.add(Diagnostic.error(drl.file, drl.line(imp.offset()), drl.column(imp.offset()), "forbidden-import",
                        "import " + (imp.modifier() == null ? "" : imp.modifier() + " ") + imp.name()
                                + " is not allowed; rules may import io.cmeautopilot.rules.api.*, java.time.*, java.math.*, "
                                + "java.util.List/Map/Set/Collection/Arrays and basic java.lang types"));
            }
        }
        for (Forbidden rule : FORBIDDEN) {
            Matcher m = rule.pattern().matcher(drl.code);
            while (m.find()) {
                if (insideImport(drl, m.start())) {
                    continue;
                }
                found.add(Diagnostic.error(drl.file, drl.line(m.start()), drl.column(m.start()), "forbidden-call",
                        "'" + m.group().trim() + "' is not allowed in rules: " + rule.why()));
            }
        }
        return found;
    }

    private static boolean allowed(DrlText.Import imp) {
        if (imp.modifier() != null) {
            // Static and function imports pull in arbitrary code; rules use the api's builders instead.
            return false;
        }
        String name = imp.name();
        if (name.endsWith(".*")) {
            return ALLOWED_PACKAGES.contains(name.substring(0, name.length() - 2));
        }
        if (ALLOWED_CLASSES.contains(name)) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        String pkg = dot < 0 ? "" : name.substring(0, dot);
        return pkg.equals("io.cmeautopilot.rules.api") || pkg.equals("java.math") || pkg.equals("java.time")
                || pkg.startsWith("java.time.");
    }

    /** Imports are judged by the allow-list alone, so that one bad import is one diagnostic. */
    private static boolean insideImport(DrlText drl, int offset) {
        int lineStart = drl.code.lastIndexOf('\n', offset) + 1;
        return drl.code.substring(lineStart, offset).trim().startsWith("import");
    }
}
