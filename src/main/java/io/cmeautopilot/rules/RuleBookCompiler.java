package io.cmeautopilot.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.drools.ancompiler.KieBaseUpdaterANC;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.conf.ConsequenceExceptionHandlerOption;

import io.cmeautopilot.rules.api.AccountFact;

/**
 * Compiles DRL files into one KieBase (classic mvel build, whose diagnostics carry exact positions;
 * the alpha network compiled to Java). Safety and metadata are checked from the text first; when
 * the safety check fails, Drools never sees the files. Thread-safe.
 */
public final class RuleBookCompiler {

    private static final Logger LOG = Logger.getLogger(RuleBookCompiler.class);
    private static final String SOURCE_ROOT = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final Clock clock;

    public RuleBookCompiler(Clock clock) {
        this.clock = clock;
    }

    public Compilation compile(Map<String, String> input) {
        SortedMap<String, String> files = new TreeMap<>(input);
        String version = version(files);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<RuleInfo> rules = new ArrayList<>();
        boolean unsafe = false;
        for (Map.Entry<String, String> file : files.entrySet()) {
            String nameProblem = RuleFiles.checkName(file.getKey());
            if (nameProblem != null) {
                diagnostics.add(Diagnostic.error(file.getKey(), 0, 0, "file", nameProblem));
                unsafe = true;
                continue;
            }
            DrlText drl = new DrlText(file.getKey(), file.getValue());
            List<Diagnostic> safety = SafetyCheck.check(drl);
            unsafe |= !safety.isEmpty();
            diagnostics.addAll(safety);
            for (DrlText.RuleBlock block : drl.rules()) {
                rules.add(ruleInfo(drl, block, diagnostics));
            }
        }
        Optional<RuleBook> book = Optional.empty();
        if (!unsafe) {
            KieBase kieBase = build(files, diagnostics);
            if (kieBase != null && diagnostics.stream().noneMatch(Diagnostic::isError)) {
                addRulesTheScannerMissed(kieBase, rules);
                book = Optional.of(new RuleBook(version, files, rules,
                        diagnostics.stream().filter(d -> !d.isError()).toList(), clock.instant(), kieBase));
            }
        }
        diagnostics.sort(Diagnostic.ORDER);
        return new Compilation(version, files, List.copyOf(diagnostics), List.copyOf(rules), book);
    }

    private static RuleInfo ruleInfo(DrlText drl, DrlText.RuleBlock block, List<Diagnostic> diagnostics) {
        Metadata meta = Metadata.read(drl, block, diagnostics);
        return new RuleInfo(drl.packageName(), block.name(), drl.file, drl.line(block.offset()), meta.category,
                meta.description, meta.cooldown, meta.autoResolve, meta.maxPerRun, meta.schedules,
                FactFields.ACCOUNT.mentionedIn(block.conditions()), FactFields.FEATURE.mentionedIn(block.conditions()));
    }

    /** The KieBase, or null when Drools reported errors (added to the diagnostics). */
    private static KieBase build(SortedMap<String, String> files, List<Diagnostic> diagnostics) {
        KieServices ks = KieServices.Factory.get();
        ClassLoader loader = AccountFact.class.getClassLoader();
        // A fresh ReleaseId per build, removed again below: the KieRepository caches every module it sees.
        ReleaseId releaseId = ks.newReleaseId("io.cmeautopilot.rulebook", "build-" + BUILDS.incrementAndGet(), "1.0.0");
        try {
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.generateAndWritePomXML(releaseId);
            files.forEach((path, text) -> kfs.write(SOURCE_ROOT + path, text.getBytes(StandardCharsets.UTF_8)));
            KieBuilder builder = ks.newKieBuilder(kfs, loader).buildAll();
            boolean failed = false;
            for (Message message : builder.getResults().getMessages()) {
                Diagnostic d = DroolsMessages.toDiagnostic(message, files);
                if (d != null) {
                    failed |= d.isError();
                    diagnostics.add(d);
                }
            }
            if (failed) {
                return null;
            }
            KieBaseConfiguration conf = ks.newKieBaseConfiguration(null, loader);
            conf.setOption(ConsequenceExceptionHandlerOption.get(RecordingConsequenceHandler.class));
            KieContainer container = ks.newKieContainer(releaseId, loader);
            KieBase kieBase = container.newKieBase(conf);
            return compileAlphaNetwork(kieBase, diagnostics) ? kieBase : container.newKieBase(conf);
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    /**
     * Replaces the interpreted alpha network (every rule's tests of one fact against constants,
     * walked node by node for each inserted fact) with one generated Java class per fact type: the
     * shape of a rule book, many rules over {@code AccountFact} with constant thresholds. Measured
     * in docs/performance.md (Rule book). The DRL is compiled and diagnosed as before; should Drools
     * fail to generate the class for some book, that book runs on a fresh, interpreted KieBase and
     * says so in a warning. False when it did.
     */
    private static boolean compileAlphaNetwork(KieBase kieBase, List<Diagnostic> diagnostics) {
        try {
            KieBaseUpdaterANC.generateAndSetInMemoryANC(kieBase);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Drools could not compile the alpha network of a rule book; it runs interpreted");
            diagnostics.add(Diagnostic.warning(null, 0, 0, "engine",
                    "the rule book runs on Drools' interpreted alpha network (slower): " + e.getMessage()));
            return false;
        }
    }

    private static void addRulesTheScannerMissed(KieBase kieBase, List<RuleInfo> rules) {
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                boolean known = rules.stream().anyMatch(r -> r.packageName().equals(rule.getPackageName())
                        && r.name().equals(rule.getName()));
                if (!known) {
                    rules.add(new RuleInfo(rule.getPackageName(), rule.getName(), null, 0, null, null, null, false,
                            null, List.of(), List.of(), List.of()));
                }
            }
        }
    }

    /** SHA-256 over the sorted (name, content) pairs, so that the same files always give the same version. */
    static String version(SortedMap<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((path, text) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
