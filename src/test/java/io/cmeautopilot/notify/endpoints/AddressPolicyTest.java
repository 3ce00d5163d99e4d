package io.cmeautopilot.notify.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;

import org.junit.jupiter.api.Test;

/** Which addresses count as not public, and which URLs are malformed, without the service. */
class AddressPolicyTest {

    static String range(String address) throws Exception {
        return AddressPolicy.rangeOf(InetAddress.getByName(address));
    }

    @Test
    void loopback_private_link_local_unspecified_and_multicast_addresses_are_recognised() throws Exception {
        assertThat(range("127.0.0.1")).isEqualTo("loopback");
        assertThat(range("::1")).isEqualTo("loopback");
        assertThat(range("10.0.0.1")).isEqualTo("private");
        assertThat(range("172.31.255.255")).isEqualTo("private");
        assertThat(range("192.168.0.1")).isEqualTo("private");
        assertThat(range("100.64.0.1")).isEqualTo("private");
        assertThat(range("fd12:3456::1")).isEqualTo("private");
        assertThat(range("169.254.169.254")).isEqualTo("link-local");
        assertThat(range("fe80::1")).isEqualTo("link-local");
        assertThat(range("0.0.0.0")).isEqualTo("unspecified");
        assertThat(range("0.1.2.3")).isEqualTo("unspecified");
        assertThat(range("224.0.0.1")).isEqualTo("multicast");
        assertThat(range("::ffff:127.0.0.1")).isEqualTo("loopback");
    }

    @Test
    void public_addresses_are_fine() throws Exception {
        assertThat(range("93.184.216.34")).isNull();
        assertThat(range("172.32.0.1")).isNull();
        assertThat(range("100.128.0.1")).isNull();
        assertThat(range("2606:4700::1111")).isNull();
    }

    @Test
    void only_http_and_https_urls_with_a_host_and_without_credentials_are_accepted() {
        assertThat(AddressPolicy.shapeProblem(URI.create("https://hooks.example.com/x"))).isEmpty();
        assertThat(AddressPolicy.shapeProblem(URI.create("ftp://example.com/x"))).contains("must be an http or https URL");
        assertThat(AddressPolicy.shapeProblem(URI.create("file:///etc/passwd"))).contains("must be an http or https URL");
        assertThat(AddressPolicy.shapeProblem(URI.create("https://user:pw@example.com/"))).isPresent();
        assertThat(AddressPolicy.shapeProblem(URI.create("https:///path"))).contains("must name a host");
    }

    @Test
    void without_allowance_loopback_is_refused_with_the_setting_that_would_allow_it() throws Exception {
        assertThat(AddressPolicy.refusal(URI.create("http://127.0.0.1:9/x"), java.util.Set.of("none")))
                .contains("refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address (allow it with NOTIFY_ALLOW_PRIVATE=loopback)");
        assertThat(AddressPolicy.refusal(URI.create("http://127.0.0.1:9/x"), java.util.Set.of("loopback"))).isEmpty();
        assertThat(AddressPolicy.refusal(URI.create("http://0.0.0.0:9/x"), java.util.Set.of("loopback", "private")))
                .hasValueSatisfying(r -> assertThat(r).contains("unspecified").doesNotContain("allow it"));
    }

    @Test
    void a_refusal_reads_as_english_whatever_the_range() throws Exception {
        assertThat(AddressPolicy.refusal(URI.create("http://0.0.0.0:9/x"), java.util.Set.of("none")))
                .contains("refused: 0.0.0.0 resolves to 0.0.0.0, an unspecified address");
        assertThat(AddressPolicy.refusal(URI.create("http://224.0.0.1:9/x"), java.util.Set.of("none")))
                .contains("refused: 224.0.0.1 resolves to 224.0.0.1, a multicast address");
    }
}
