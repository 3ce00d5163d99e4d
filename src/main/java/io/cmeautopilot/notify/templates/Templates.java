package io.cmeautopilot.notify.templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.cmeautopilot.notify.NotifyConfig;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.runtime.StartupEvent;

/**
 * The notification templates in {@code rules/templates/} ({@code NOTIFY_TEMPLATES_DIR}): Qute,
 * {@code <name>.txt} (plain text; an optional first line {@code Subject: ...}, then a blank line) and
 * an optional {@code <name>.html}. Files are read when first used and again when they change on disk.
 *
 * <pre>{@code
 * RenderedTemplate r = templates.render("login-dropoff", Map.of("account", fact, "params", Map.of()));
 * }</pre>
 */
@ApplicationScoped
public class Templates {

    private static final Logger LOG = Logger.getLogger(Templates.class);
    private static final String SUBJECT = "Subject:";

    @Inject
    NotifyConfig config;

    private final Engine engine = QuteEngine.create();
    private final Map<Path, Parsed> cache = new ConcurrentHashMap<>();

    private record Parsed(long modified, long size, Template template) {
    }

    void checkAtStartup(@Observes StartupEvent event) {
        List<TemplateDiagnostic> problems = validate(Set.of(), TemplateModel.ANY);
        if (!problems.isEmpty()) {
            LOG.errorf("Notification templates in %s have errors:%n  %s", dir().toAbsolutePath(),
                    String.join("\n  ", problems.stream().map(TemplateDiagnostic::toString).toList()));
        }
    }

    public Path dir() {
        return Path.of(config.templatesDir());
    }

    /** The names of the templates in the directory (those with a {@code .txt} part). */
    public SortedSet<String> names() {
        SortedSet<String> names = new TreeSet<>();
        TemplateValidator.read(dir()).keySet().forEach(file -> {
            java.util.regex.Matcher m = TemplateValidator.FILE.matcher(file);
            if (m.matches() && m.group(2).equals("txt")) {
                names.add(m.group(1));
            }
        });
        return names;
    }

    /** {@link TemplateValidator#validate(Path, Set, TemplateModel)} on this service's directory. */
    public List<TemplateDiagnostic> validate(Set<String> referenced, TemplateModel model) {
        return TemplateValidator.validate(dir(), referenced, model);
    }

    /**
     * Checks the directory for a rule book: every file parses, and each used template (which must
     * exist; see {@link #names()}) uses only the variables of its model. Problems by file and line.
     */
    public List<TemplateDiagnostic> check(Collection<TemplateUse> uses) {
        SortedMap<String, String> files = TemplateValidator.read(dir());
        String prefix = dir().getFileName() == null ? "templates" : dir().getFileName().toString();
        Set<TemplateDiagnostic> found = new LinkedHashSet<>(TemplateValidator.validate(files, prefix, Set.of(), TemplateModel.ANY));
        for (TemplateUse use : uses) {
            SortedMap<String, String> own = new TreeMap<>();
            for (String part : List.of(use.template() + ".txt", use.template() + ".html")) {
                if (files.containsKey(part)) {
                    own.put(part, files.get(part));
                }
            }
            found.addAll(TemplateValidator.validate(own, prefix, Set.of(use.template()), use.model()));
        }
        return found.stream().sorted(Comparator.comparing(TemplateDiagnostic::file).thenComparingInt(TemplateDiagnostic::line)
                .thenComparing(TemplateDiagnostic::message)).toList();
    }

    /**
     * Renders template {@code name} with {@code data} (top-level variables by name).
     *
     * @throws TemplateRenderingException when the template does not exist or does not parse, or the data
     *         lacks a value it uses (templates are strict: a missing value is never an empty string)
     */
    public RenderedTemplate render(String name, Map<String, Object> data) {
        if (name == null || !TemplateValidator.FILE.matcher(name + ".txt").matches()) {
            throw new TemplateRenderingException("'" + name + "' is not a template name", null);
        }
        Template text = load(name + ".txt").orElseThrow(() -> new TemplateRenderingException(
                "template " + name + " does not exist: no " + dir().resolve(name + ".txt"), null));
        Optional<Template> html = load(name + ".html");
        String rendered = render(text, data);
        String subject = null;
        if (rendered.startsWith(SUBJECT)) {
            int end = rendered.indexOf('\n');
            subject = (end < 0 ? rendered.substring(SUBJECT.length()) : rendered.substring(SUBJECT.length(), end)).strip();
            rendered = end < 0 ? "" : rendered.substring(end + 1).replaceFirst("^\\r?\\n", "");
        }
        return new RenderedTemplate(subject, rendered, html.map(h -> render(h, data)).orElse(null));
    }

    private String render(Template template, Map<String, Object> data) {
        try {
            return template.render(data);
        } catch (TemplateException e) {
            throw new TemplateRenderingException(template.getId() + ":" + QuteEngine.lineOf(e) + ": "
                    + QuteEngine.messageOf(e), e);
        }
    }

    private Optional<Template> load(String file) {
        Path path = dir().resolve(file);
        try {
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            long modified = attributes.lastModifiedTime().toMillis();
            Parsed cached = cache.get(path);
            if (cached != null && cached.modified() == modified && cached.size() == attributes.size()) {
                return Optional.of(cached.template());
            }
            String shown = (dir().getFileName() == null ? "templates" : dir().getFileName()) + "/" + file;
            Template parsed = engine.parse(Files.readString(path, StandardCharsets.UTF_8), QuteEngine.variantOf(file), shown);
            cache.put(path, new Parsed(modified, attributes.size(), parsed));
            return Optional.of(parsed);
        } catch (IOException e) {
            throw new TemplateRenderingException("could not read " + path + ": " + e.getMessage(), e);
        } catch (TemplateException e) {
            throw new TemplateRenderingException(file + ":" + QuteEngine.lineOf(e) + ": " + QuteEngine.messageOf(e), e);
        }
    }
}
