package fr.rentree;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** The package rules of architecture.md, stated in code: a change that breaks them fails the build. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.rentree");

    @Test
    void domain_depends_on_neither_service_nor_ui() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..service..", "..ui..")
                .check(CLASSES);
    }

    @Test
    void services_do_not_depend_on_screens() {
        noClasses().that().resideInAPackage("..service..")
                .should().dependOnClassesThat().resideInAPackage("..ui..")
                .check(CLASSES);
    }

    @Test
    void only_the_process_feature_touches_the_engine() {
        noClasses().that().resideOutsideOfPackage("fr.rentree.process..")
                .should().dependOnClassesThat().resideInAPackage("org.operaton..")
                .because("the process package is the one boundary to the BPMN engine (architecture.md)")
                .check(CLASSES);
    }

    @Test
    void engine_types_do_not_leak_out_of_the_process_features_api() {
        noClasses().that().resideInAPackage("fr.rentree.process.domain..")
                .should().dependOnClassesThat().resideInAPackage("org.operaton..")
                .check(CLASSES);
    }

    @Test
    void a_features_repositories_are_used_by_its_own_services_only() {
        classes().that().areAssignableTo(Repository.class).and().areInterfaces()
                .should(onlyBeAccessedByTheirFeaturesServices())
                .check(CLASSES);
    }

    @Test
    void features_do_not_depend_on_each_other_in_circles() {
        slices().matching("fr.rentree.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    private static ArchCondition<JavaClass> onlyBeAccessedByTheirFeaturesServices() {
        return new ArchCondition<>("only be accessed by the service package of their own feature") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                String feature = feature(repository);
                repository.getDirectDependenciesToSelf().forEach(dependency -> {
                    JavaClass user = dependency.getOriginClass();
                    boolean allowed = user.getPackageName().equals("fr.rentree." + feature + ".service")
                            || user.getPackageName().equals(repository.getPackageName());
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }

    private static String feature(JavaClass type) {
        return type.getPackageName().replaceFirst("^fr\\.rentree\\.", "").split("\\.")[0];
    }
}
