package fr.rentree.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecondFactorEnrolmentTest {

    private final SecondFactorEnrolment enrolment = new SecondFactorEnrolment("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
            "otpauth://totp/Rentr%C3%A9e%3Adirecteur?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Rentr%C3%A9e");

    @Test
    void the_secret_reads_in_groups_of_four_to_type_into_an_app() {
        assertThat(enrolment.groupedSecret()).isEqualTo("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP");
        assertThat(new SecondFactorEnrolment("ABCDEFGHIJ", "").groupedSecret()).isEqualTo("ABCD EFGH IJ");
    }

    @Test
    void the_secret_never_reaches_a_log() {
        assertThat(enrolment.toString()).doesNotContain("JBSW").doesNotContain("otpauth");
    }
}
