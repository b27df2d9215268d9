package vn.motcua.dossier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Only the dossier changes itself, and only the application service asks it to (ArchUnit over the main code):
 * <ul>
 *     <li>Dossier's package-private methods (its transitions, the process link, the events it hands over) are called
 *     by {@link DossierService} alone, so every change is stored, audited and published;</li>
 *     <li>the events of {@link DossierEvents} are created by {@link Dossier} alone, so what is published is exactly
 *     what the dossier registered;</li>
 *     <li>a dossier in a given status is built from its stored form ({@link Dossier#stored()}) by
 *     {@link DossierRepository} alone: nothing else can set a status outside the transition table;</li>
 *     <li>no class but {@link Dossier} switches over {@link DossierAction}: which statuses an action applies to, and
 *     what it does, is the dossier's table, not a second copy in a service or a view.</li>
 * </ul>
 * Each rule is also shown to catch a class that breaks it.
 */
class DossierAggregateRulesTest {

    /**
     * Dossier's methods that change it or hand over its events: its package-private instance methods, as name and
     * number of parameters (the getter {@code currentStep()} is public, the setter {@code currentStep(String)} is not).
     */
    private static final Set<String> MUTATORS = Arrays.stream(Dossier.class.getDeclaredMethods())
            .filter(m -> !Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                    && !Modifier.isPrivate(m.getModifiers()) && !m.isSynthetic())
            .map(m -> m.getName() + "/" + m.getParameterCount()).collect(Collectors.toUnmodifiableSet());

    private static final ArchRule ONLY_THE_SERVICE_CHANGES_A_DOSSIER = noClasses()
            .that().doNotBelongToAnyOf(Dossier.class, DossierService.class)
            .should().callMethodWhere(DescribedPredicate.describe("a method of Dossier that changes it",
                    (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(Dossier.class)
                            && MUTATORS.contains(call.getName() + "/" + call.getTarget().getRawParameterTypes().size())))
            .because("every change of a dossier is stored, audited and published by DossierService");

    private static final ArchRule ONLY_THE_DOSSIER_CREATES_ITS_EVENTS = noClasses()
            .that().doNotBelongToAnyOf(Dossier.class, DossierEvents.class)
            .should().callConstructorWhere(DescribedPredicate.describe("a constructor of DossierEvents' events",
                    (JavaConstructorCall call) -> call.getTargetOwner().getEnclosingClass()
                            .map(c -> c.isEquivalentTo(DossierEvents.class)).orElse(false)))
            .because("the service publishes exactly the events the dossier registered");

    private static final ArchRule ONLY_THE_REPOSITORY_RESTORES_A_STORED_DOSSIER = noClasses()
            .that().doNotBelongToAnyOf(Dossier.class, DossierRepository.class)
            .should().callMethod(Dossier.class, "stored")
            .because("a status is set directly only when a dossier is read back from storage");

    private static final ArchRule ONLY_THE_DOSSIER_DECIDES_WHAT_AN_ACTION_DOES = noClasses()
            .that().doNotBelongToAnyOf(Dossier.class, DossierAction.class)
            .should().callMethod(DossierAction.class, "ordinal")
            .because("a switch over the actions outside the dossier would repeat its transition table");

    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        // the rules look at calls into vn.motcua only: no need to load the libraries' classes as well (much faster)
        main = ArchConfiguration.withThreadLocalScope(configuration -> {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("vn.motcua");
        });
    }

    @Test
    void theMutatorsAreTheTransitionsAndTheBookkeeping() {
        assertThat(MUTATORS).contains("accept/2", "refuse/3", "startProcessing/0", "requestSupplement/2",
                "receiveSupplement/2", "requestPayment/2", "confirmPayment/4", "stop/2", "stopAndEnd/3", "resume/2", "withdraw/3",
                "markProcessed/2", "returnResult/2", "returnResultByProcess/1", "extend/2", "attachProcess/1",
                "currentStep/1", "pullEvents/0").doesNotContain("currentStep/0", "status/0");
    }

    @Test
    void onlyTheApplicationServiceChangesADossier() {
        assertThat(main.contain(DossierService.class)).isTrue();
        ONLY_THE_SERVICE_CHANGES_A_DOSSIER.check(main);
        assertThat(ONLY_THE_SERVICE_CHANGES_A_DOSSIER.evaluate(breakers()).hasViolation()).isTrue();
    }

    @Test
    void onlyTheDossierCreatesTheEventsThatArePublished() {
        ONLY_THE_DOSSIER_CREATES_ITS_EVENTS.check(main);
        assertThat(ONLY_THE_DOSSIER_CREATES_ITS_EVENTS.evaluate(breakers()).hasViolation()).isTrue();
    }

    @Test
    void onlyTheRepositoryBuildsADossierInAGivenStatus() {
        ONLY_THE_REPOSITORY_RESTORES_A_STORED_DOSSIER.check(main);
        assertThat(ONLY_THE_REPOSITORY_RESTORES_A_STORED_DOSSIER.evaluate(breakers()).hasViolation()).isTrue();
    }

    @Test
    void noServiceOrViewSwitchesOverTheActions() {
        ONLY_THE_DOSSIER_DECIDES_WHAT_AN_ACTION_DOES.check(main);
        assertThat(ONLY_THE_DOSSIER_DECIDES_WHAT_AN_ACTION_DOES.evaluate(breakers()).hasViolation()).isTrue();
    }

    private static JavaClasses breakers() {
        return new ClassFileImporter().importClasses(Breaker.class);
    }

    /** Code each rule must catch: a status changed behind the service's back, a forged event, a forged stored dossier, a switch. */
    @SuppressWarnings("unused")
    static final class Breaker {
        void stopBehindTheServicesBack(Dossier d) { d.stop(Instant.EPOCH, "no reason"); }

        Object forgeAnEvent() { return new DossierEvents.DossierWithdrawn("000.01.15.H33-261127-0001"); }

        Dossier forgeAStatus(Dossier d) { return Dossier.stored().code(d.code()).status(DossierStatus.RETURNED).build(); }

        boolean decideAgain(DossierAction action) {
            return switch (action) {
                case ACCEPT, REFUSE -> true;
                default -> false;
            };
        }
    }
}
