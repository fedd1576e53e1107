package cn.hongxin.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.persistence.Entity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

/** The conventions of docs/DEVELOPING.md as rules that fail the build. */
class ArchitectureRulesTests {

    static JavaClasses main;

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.hongxin");
    }

    @Test
    void controllersArePackagePrivate() {
        check(classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().notBePublic());
    }

    @Test
    void entitiesArePackagePrivate() {
        check(classes().that().areAnnotatedWith(Entity.class).should().notBePublic());
    }

    @Test
    void repositoriesArePackagePrivate() {
        check(classes().that().areAssignableTo(Repository.class).should().notBePublic());
    }

    @Test
    void servicesReturnRecordsNotEntities() {
        check(methods().that().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
                .and().arePublic()
                .should().notHaveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "an entity", (com.tngtech.archunit.core.domain.JavaClass c) -> c.isAnnotatedWith(Entity.class))));
    }

    @Test
    void onlyWebClassesTouchServletAndHtmxTypes() {
        check(noClasses().that().areNotAnnotatedWith(Controller.class)
                .and().areNotAnnotatedWith(RestController.class)
                .and().areNotAnnotatedWith(ControllerAdvice.class)
                .and().areNotAnnotatedWith(RestControllerAdvice.class)
                .and().haveSimpleNameNotEndingWith("Filter")
                .and().haveSimpleNameNotEndingWith("EntryPoint")
                .and().haveSimpleNameNotEndingWith("Handler")
                .and().haveSimpleNameNotEndingWith("Configuration")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..",
                        "io.github.wimdeblauwe.htmx..")
                .as("only controllers, advices, filters, handlers and web configuration touch servlet or htmx types"));
    }

    @Test
    void noFieldInjection() {
        check(noFields().should().beAnnotatedWith(Autowired.class).orShould()
                .beAnnotatedWith("jakarta.inject.Inject"));
    }

    @Test
    void noStandardStreams() {
        check(NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS);
    }

    @Test
    void springTransactionalOnly() {
        check(noClasses().should().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional"));
    }

    @Test
    void sharedHoldsNoBeans() {
        check(noClasses().that().resideInAPackage("cn.hongxin.shared..")
                .should().beAnnotatedWith(org.springframework.stereotype.Component.class)
                .orShould().beAnnotatedWith(Service.class)
                .orShould().beAnnotatedWith(org.springframework.context.annotation.Configuration.class));
    }

    @Test
    void publicServicesHaveJavadocWorthyNamesNotImplSuffixes() {
        check(noClasses().should().haveSimpleNameEndingWith("ServiceImpl"));
    }

    private static void check(ArchRule rule) {
        rule.check(main);
    }

    static boolean isPublic(com.tngtech.archunit.core.domain.JavaClass c) {
        return c.getModifiers().contains(JavaModifier.PUBLIC);
    }
}
