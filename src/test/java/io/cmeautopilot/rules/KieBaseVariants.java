package io.cmeautopilot.rules;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.drools.ancompiler.KieBaseUpdaterANC;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.internal.conf.ConsequenceExceptionHandlerOption;

import io.cmeautopilot.rules.api.AccountFact;

/**
 * For the benchmark: a compiled book's files built into a KieBase other ways than the compiler
 * does, to compare Drools' options on the same engine. Test code only.
 */
public final class KieBaseVariants {

    private static final AtomicLong BUILDS = new AtomicLong();

    /**
     * One way to build: the executable model instead of the classic (mvel) build, the alpha network
     * compiled to Java or interpreted, property reactivity off ({@code drools.propertySpecific=ALLOWED},
     * set JVM-wide for the build: without drools-xml-support a kmodule.xml cannot carry it).
     */
    public record Variant(String name, boolean executableModel, boolean compiledAlphaNetwork, boolean propertyReactivityOff) {
    }

    private KieBaseVariants() {
    }

    /** The same book (rules, version, evidence fields) on a KieBase built the given way. */
    public static RuleBook rebuild(RuleBook book, Variant variant) {
        KieServices ks = KieServices.Factory.get();
        ClassLoader loader = AccountFact.class.getClassLoader();
        ReleaseId releaseId = ks.newReleaseId("io.cmeautopilot.variants", "build-" + BUILDS.incrementAndGet(), "1.0.0");
        try {
            if (variant.propertyReactivityOff()) {
                System.setProperty("drools.propertySpecific", "ALLOWED");
            }
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.generateAndWritePomXML(releaseId);
            book.files().forEach((path, text) -> kfs.write("src/main/resources/" + path, text.getBytes(StandardCharsets.UTF_8)));
            KieBuilder builder = ks.newKieBuilder(kfs, loader);
            if (variant.executableModel()) {
                builder.buildAll(ExecutableModelProject.class);
            } else {
                builder.buildAll();
            }
            if (builder.getResults().hasMessages(Message.Level.ERROR)) {
                throw new IllegalStateException(variant.name() + ": " + builder.getResults());
            }
            KieBaseConfiguration conf = ks.newKieBaseConfiguration(null, loader);
            conf.setOption(ConsequenceExceptionHandlerOption.get(RecordingConsequenceHandler.class));
            KieBase kieBase = ks.newKieContainer(releaseId, loader).newKieBase(conf);
            if (variant.compiledAlphaNetwork()) {
                KieBaseUpdaterANC.generateAndSetInMemoryANC(kieBase);
            }
            return new RuleBook(book.version(), book.files(), book.rules(), book.warnings(), book.compiledAt(), kieBase);
        } finally {
            System.clearProperty("drools.propertySpecific");
            ks.getRepository().removeKieModule(releaseId);
        }
    }
}
