package io.communique.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module structure of docs/adr/0006-contracts-in-model.md, checked on the production classes of every module
 * (this module sees them all): the stages meet through the model (records, topics, event-bus contracts, labels) and
 * the kafka module, nothing else; Vert.x and Netty internals stay inside one named adapter.
 */
class ArchitectureTest {
    /** Every module's production classes on this module's test class path (test classes and test-jars left out). */
    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // other modules' test-jars, once packaged
            .importPackages("io.communique");

    /**
     * The one adapter allowed to use Vert.x and Netty internals (frame sharing and flush consolidation of the WebSocket
     * fan-out). A second class that needs them must be added here on purpose, with a reason.
     */
    static final String INTERNALS_ADAPTER = "io.communique.web.VertxInternals";
    /** Shares one encoded frame's Netty buffer among all dashboards (public Netty API, through the adapter). */
    static final String FRAME_SHARING = "io.communique.web.LiveClients";
    /** What the ingest stage may use of the extractor, which it runs in-process: the entry point, nothing inside. */
    static final String EXTRACTOR_ENTRY = "io.communique.extract.Extractor";

    /**
     * Each module's packages, and which other modules' classes it may use (app composes them all; no production class
     * uses the test-support module). The bench is a module of its own, outside the app's jar, that nothing depends on.
     */
    @Test
    void modulesMeetOnlyThroughModelAndKafka() {
        ArchRule rule = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("io.communique.model..")
                .layer("kafka").definedBy("io.communique.kafka..")
                .layer("broker").definedBy("io.communique.broker..")
                .layer("extract").definedBy("io.communique.extract..")
                .layer("ingest").definedBy("io.communique.ingest..")
                .layer("projection").definedBy("io.communique.projection..")
                .layer("alerts").definedBy("io.communique.alert..")
                .layer("web").definedBy("io.communique.web..")
                .layer("replay").definedBy("io.communique.replay..")
                .layer("app").definedBy("io.communique.app..")
                .layer("test-support").definedBy("io.communique.testing..")
                .whereLayer("model").mayNotAccessAnyLayer()
                .whereLayer("broker").mayNotAccessAnyLayer()
                .whereLayer("kafka").mayOnlyAccessLayers("model")
                .whereLayer("extract").mayOnlyAccessLayers("model")
                .whereLayer("ingest").mayOnlyAccessLayers("model", "kafka", "extract")
                .whereLayer("projection").mayOnlyAccessLayers("model", "kafka")
                .whereLayer("alerts").mayOnlyAccessLayers("model", "kafka")
                .whereLayer("web").mayOnlyAccessLayers("model", "kafka")
                .whereLayer("replay").mayOnlyAccessLayers("model", "kafka")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("test-support").mayNotBeAccessedByAnyLayer();
        rule.check(CLASSES);
    }

    /** Said once more on its own, so that the failure names the rule: a web-only instance carries no stage. */
    @Test
    void webKnowsOnlyContracts() {
        ArchRule rule = noClasses().that().resideInAPackage("io.communique.web..")
                .should().dependOnClassesThat().resideInAnyPackage("io.communique.ingest..", "io.communique.projection..",
                        "io.communique.extract..", "io.communique.replay..", "io.communique.alert..", "io.communique.broker..")
                .because("the web tier meets the stages through model's contracts and Kafka topics (ADR 0006)");
        rule.check(CLASSES);
    }

    /** The only stage-to-stage use: ingest runs the extractor through its entry point, never its internals. */
    @Test
    void extractorIsUsedOnlyThroughItsEntryPoint() {
        ArchRule rule = noClasses()
                .that().resideOutsideOfPackages("io.communique.extract..", "io.communique.app..")
                .should().dependOnClassesThat(resideInAPackage("io.communique.extract..")
                        .and(DescribedPredicate.not(inside(EXTRACTOR_ENTRY)))
                        .as("classes of the extractor other than " + EXTRACTOR_ENTRY))
                .because("the extractor's rules, lexicons and analysis are its own (ADR 0006)");
        rule.check(CLASSES);
    }

    /** model's Vert.x dependency is optional: only the event-bus contracts may use Vert.x types. */
    @Test
    void modelIsFreeOfVertxOutsideItsEventBusContracts() {
        ArchRule rule = noClasses()
                .that().resideInAPackage("io.communique.model..").and().resideOutsideOfPackage("io.communique.model.contracts..")
                .should().dependOnClassesThat().resideInAPackage("io.vertx..")
                .because("vertx-core is an optional dependency of model; the extractor uses model without it");
        rule.check(CLASSES);
    }

    /** The allowances below name classes that exist: a renamed adapter must be renamed here too, on purpose. */
    @Test
    void theNamedExceptionsExist() {
        assertThat(CLASSES.contain(INTERNALS_ADAPTER)).as(INTERNALS_ADAPTER).isTrue();
        assertThat(CLASSES.contain(FRAME_SHARING)).as(FRAME_SHARING).isTrue();
        assertThat(CLASSES.contain(EXTRACTOR_ENTRY)).as(EXTRACTOR_ENTRY).isTrue();
    }

    @Test
    void vertxInternalsOnlyInTheAdapter() {
        ArchRule rule = noClasses()
                .that(DescribedPredicate.not(inside(INTERNALS_ADAPTER)))
                .should().dependOnClassesThat().resideInAPackage("io.vertx..impl..")
                .because("Vert.x internals change in patch releases; " + INTERNALS_ADAPTER + " is the one adapter that uses them");
        rule.check(CLASSES);
    }

    @Test
    void nettyOnlyInTheAdapter() {
        ArchRule rule = noClasses()
                .that(DescribedPredicate.not(inside(INTERNALS_ADAPTER, FRAME_SHARING)))
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .because("Vert.x is the network API here; " + INTERNALS_ADAPTER + " is the one adapter below it");
        rule.check(CLASSES);
    }

    /** The class of that name or one of its nested, inner or anonymous classes. */
    private static DescribedPredicate<JavaClass> inside(String... outerClasses) {
        Set<String> names = Set.of(outerClasses);
        return DescribedPredicate.describe("are inside " + String.join(" or ", names), javaClass -> {
            String name = javaClass.getName();
            int nested = name.indexOf('$');
            return names.contains(nested < 0 ? name : name.substring(0, nested));
        });
    }
}
