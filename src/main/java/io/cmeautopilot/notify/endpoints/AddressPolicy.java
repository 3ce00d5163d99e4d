package io.cmeautopilot.notify.endpoints;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.notify.NotifyConfig;

/**
 * Outbound safety: a webhook URL must resolve to public addresses only, so that whoever may register
 * endpoints cannot make the service call into its own network (cloud metadata at 169.254.169.254, the
 * database, admin ports). Ranges are allowed one by one by configuration ({@code NOTIFY_ALLOW_PRIVATE}).
 * Checked at registration and again before every delivery, because DNS answers change.
 */
@ApplicationScoped
public class AddressPolicy {

    static final String LOOPBACK = "loopback";
    static final String PRIVATE = "private";
    static final String LINK_LOCAL = "link-local";

    @Inject
    NotifyConfig config;

    /**
     * Why this URL must not be called, or empty when it may.
     *
     * @throws UnknownHostException when the host does not resolve (worth trying again later)
     */
    public Optional<String> refusal(URI url) throws UnknownHostException {
        return refusal(url, config.outbound().allowPrivate());
    }

    static Optional<String> refusal(URI url, Set<String> allowed) throws UnknownHostException {
        Optional<String> shape = shapeProblem(url);
        if (shape.isPresent()) {
            return shape;
        }
        for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
            String range = rangeOf(address);
            if (range != null && !allowed.contains(range)) {
                String article = range.matches("[aeiou].*") ? "an " : "a ";
                return Optional.of("refused: " + url.getHost() + " resolves to " + address.getHostAddress() + ", " + article
                        + range + " address" + (isAllowable(range) ? " (allow it with NOTIFY_ALLOW_PRIVATE=" + range + ")" : ""));
            }
        }
        return Optional.empty();
    }

    /** What is wrong with the URL itself (scheme, host), before any DNS lookup. */
    static Optional<String> shapeProblem(URI url) {
        if (url.getScheme() == null || !Set.of("http", "https").contains(url.getScheme().toLowerCase())) {
            return Optional.of("must be an http or https URL");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials before the host; the signature authenticates the sender");
        }
        return Optional.empty();
    }

    private static boolean isAllowable(String range) {
        return Set.of(LOOPBACK, PRIVATE, LINK_LOCAL).contains(range);
    }

    /** The non-public range an address belongs to, or null for a public address. */
    static String rangeOf(InetAddress address) {
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress() || (b.length == 4 && b[0] == 0)) {
            return "unspecified";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address.isLoopbackAddress()) {
            return LOOPBACK;
        }
        if (address.isLinkLocalAddress()) {
            return LINK_LOCAL;
        }
        if (address.isSiteLocalAddress()) {
            return PRIVATE;
        }
        if (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return PRIVATE; // 100.64.0.0/10, carrier-grade NAT: not reachable from the internet
        }
        if (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return PRIVATE; // fc00::/7, unique local
        }
        return null;
    }
}
