package fr.rentree.base.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void only_literal_ip_addresses_are_addresses() {
        assertThat(ClientAddresses.valid("203.0.113.9")).isTrue();
        assertThat(ClientAddresses.valid("2001:db8::1")).isTrue();
        assertThat(ClientAddresses.valid("=HYPERLINK(\"http://evil.test/x\")")).isFalse();
        assertThat(ClientAddresses.valid("localhost")).as("a name is never looked up").isFalse();
        assertThat(ClientAddresses.valid("deadbeef")).isFalse();
        assertThat(ClientAddresses.valid("256.1.1.1")).isFalse();
        assertThat(ClientAddresses.valid("2001:db8::1::2")).isFalse();
        assertThat(ClientAddresses.valid("")).isFalse();
    }

    @Test
    void an_ipv6_client_counts_with_its_64_block_an_ipv4_one_alone() {
        assertThat(ClientAddresses.counted("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.counted("2001:DB8:1:2::ffff")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.counted("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
        assertThat(ClientAddresses.counted("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(ClientAddresses.counted("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(ClientAddresses.counted("unknown")).isEqualTo("unknown");
    }
}
