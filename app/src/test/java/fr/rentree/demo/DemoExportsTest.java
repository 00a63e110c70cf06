package fr.rentree.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import fr.rentree.demo.district.DemoSchool;
import fr.rentree.siecle.service.SampleExports.SampleExport;
import org.junit.jupiter.api.Test;

/** Issue 22, E21: the demo school's exports, offered on the import screen in dev. */
class DemoExportsTest {

    private final DemoExports exports = new DemoExports(Clock.fixed(Instant.parse("2026-10-05T08:00:00Z"),
            ZoneId.of("Europe/Paris")));

    @Test
    void a_demo_school_has_its_three_exports_and_another_school_none() {
        DemoSchool college = DemoData.district().stream().filter(s -> s.kind() == DemoSchool.Kind.COLLEGE)
                .findFirst().orElseThrow();
        assertThat(exports.of(college.uai())).extracting(SampleExport::name).containsExactly(
                "ElevesSansAdresses.zip", "ResponsablesAvecAdresses.xml", "sts_emp_" + college.uai() + "_2026.xml");
        assertThat(exports.of(college.uai())).allSatisfy(file -> assertThat(file.content()).isNotEmpty());
        assertThat(exports.of("0750001U")).isEmpty();
    }
}
