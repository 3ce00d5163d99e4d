package io.cmeautopilot.notify.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.ParameterDeclaration;
import io.quarkus.qute.SectionBlock;
import io.quarkus.qute.SectionNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateNode;

/**
 * Checks a templates directory the way a rule book load needs it, without starting anything: every
 * file parses, each template the rule book names exists (as {@code <name>.txt}, with an optional
 * {@code <name>.html}), and every variable a template uses is one the data will have.
 * Plain static code, so the rules package and plain unit tests can call it.
 */
public final class TemplateValidator {

    /** Template file names: {@code login-dropoff.txt}, {@code login-dropoff.html}. */
    static final Pattern FILE = Pattern.compile("([a-z0-9][a-z0-9_-]*)\\.(txt|html)");

    private TemplateValidator() {
    }

    /**
     * Validates the templates in {@code dir} (e.g. {@code rules/templates}).
     *
     * @param referenced the template names the rule book uses ({@code .template("x")} literals)
     * @param model the variables templates may use, or {@link TemplateModel#ANY}
     * @return every problem, by file and line; empty when all is well
     */
    public static List<TemplateDiagnostic> validate(Path dir, Set<String> referenced, TemplateModel model) {
        return validate(read(dir), dir.getFileName() == null ? "templates" : dir.getFileName().toString(), referenced, model);
    }

    /** The same over files given by name ({@code "login-dropoff.txt"} to content), shown as {@code templates/<name>}. */
    public static List<TemplateDiagnostic> validate(Map<String, String> files, Set<String> referenced, TemplateModel model) {
        return validate(files, "templates", referenced, model);
    }

    static List<TemplateDiagnostic> validate(Map<String, String> files, String prefix, Set<String> referenced,
            TemplateModel model) {
        Engine engine = QuteEngine.create();
        Set<TemplateDiagnostic> found = new LinkedHashSet<>();
        Set<String> texts = new TreeSet<>();
        Set<String> htmls = new TreeSet<>();
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            String shown = prefix + "/" + file.getKey();
            Matcher name = FILE.matcher(file.getKey());
            if (!name.matches()) {
                if (file.getKey().endsWith(".txt") || file.getKey().endsWith(".html")) {
                    found.add(new TemplateDiagnostic(shown, 0,
                            "a template file is named <name>.txt or <name>.html, lower-case letters, digits, '-' and '_'"));
                }
                continue;
            }
            (name.group(2).equals("txt") ? texts : htmls).add(name.group(1));
            try {
                Template template = engine.parse(file.getValue(), QuteEngine.variantOf(file.getKey()), shown);
                if (model.checksVariables()) {
                    checkVariables(engine, template, shown, model, found);
                }
            } catch (TemplateException e) {
                found.add(new TemplateDiagnostic(shown, QuteEngine.lineOf(e), QuteEngine.messageOf(e)));
            }
        }
        for (String html : htmls) {
            if (!texts.contains(html)) {
                found.add(new TemplateDiagnostic(prefix + "/" + html + ".html", 0,
                        "has no plain-text part " + html + ".txt; every template needs one"));
            }
        }
        for (String name : new TreeSet<>(referenced)) {
            if (!texts.contains(name)) {
                found.add(new TemplateDiagnostic(prefix + "/" + name + ".txt", 0,
                        "template '" + name + "' is used by the rule book but does not exist"));
            }
        }
        List<TemplateDiagnostic> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(TemplateDiagnostic::file).thenComparingInt(TemplateDiagnostic::line)
                .thenComparing(TemplateDiagnostic::message));
        return sorted;
    }

    private static void checkVariables(Engine engine, Template template, String file, TemplateModel model,
            Set<TemplateDiagnostic> found) {
        Set<String> locals = localNames(template);
        Set<String> namespaces = engine.getNamespaceResolvers().stream().map(NamespaceResolver::getNamespace)
                .collect(Collectors.toSet());
        for (Expression e : template.getExpressions()) {
            int line = e.getOrigin().getLine();
            if (e.isLiteral() || e.getParts().isEmpty()) {
                continue;
            }
            if (e.hasNamespace()) {
                if (!namespaces.contains(e.getNamespace())) {
                    found.add(new TemplateDiagnostic(file, line, "unknown namespace '" + e.getNamespace() + ":' in {"
                            + e.toOriginalString() + "}"));
                }
                continue;
            }
            String root = e.getParts().get(0).getName();
            if (locals.contains(root) || locals.stream().anyMatch(l -> root.startsWith(l + "_"))) {
                continue; // a loop or let variable, or loop metadata such as item_count
            }
            Set<String> properties = model.variables().get(root);
            if (properties == null) {
                found.add(new TemplateDiagnostic(file, line, "unknown variable '" + root + "' in {" + e.toOriginalString()
                        + "}; templates may use " + String.join(", ", model.variables().keySet())));
            } else if (!properties.isEmpty() && e.getParts().size() > 1) {
                Expression.Part property = e.getParts().get(1);
                if (!property.isVirtualMethod() && !properties.contains(property.getName())) {
                    found.add(new TemplateDiagnostic(file, line, "'" + root + "' has no property '" + property.getName()
                            + "' in {" + e.toOriginalString() + "}"));
                }
            }
        }
    }

    /** Names a template defines for itself: loop aliases ({@code it} by default), let/set names, declared parameters. */
    private static Set<String> localNames(Template template) {
        Set<String> locals = new HashSet<>();
        for (TemplateNode node : template.findNodes(TemplateNode::isSection)) {
            SectionNode section = node.asSection();
            for (SectionBlock block : section.getBlocks()) {
                switch (section.getName()) {
                    case "for", "each" -> {
                        String alias = block.parameters.get("alias");
                        locals.add(alias == null || alias.startsWith("$") ? "it" : alias);
                    }
                    case "let", "set" -> locals.addAll(block.parameters.keySet());
                    default -> {
                    }
                }
            }
        }
        for (ParameterDeclaration declaration : template.getParameterDeclarations()) {
            locals.add(declaration.getKey());
        }
        return locals;
    }

    /** Template files directly in {@code dir}, by file name; empty when the directory does not exist. */
    static SortedMap<String, String> read(Path dir) {
        SortedMap<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".txt") || name.endsWith(".html")) {
                    files.put(name, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the templates in " + dir, e);
        }
    }
}
