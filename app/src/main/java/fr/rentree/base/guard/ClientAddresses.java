package fr.rentree.base.guard;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client addresses the guards count: only a literal IPv4 or IPv6 address is one (never a name, which would be
 * looked up, nor whatever a forged header carried), and an IPv6 client counts with its whole /64, the block one
 * household or one machine is given: changing the last 64 bits, which any client may, gives no fresh count.
 */
public final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** Hexadecimal digits and colons (and an IPv4 tail): parsed as a literal, never looked up. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int PREFIX_BYTES = 8;

    private ClientAddresses() {
    }

    /** The address, written the one way Java writes it; empty if it is no literal IP address. */
    public static Optional<InetAddress> parse(String address) {
        if (address.length() > 45 || !(IPV4.matcher(address).matches() || IPV6.matcher(address).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address)); // a literal: no lookup
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether this is a literal IP address. */
    public static boolean valid(String address) {
        return parse(address).isPresent();
    }

    /**
     * What a guard counts this address under: an IPv4 address itself, an IPv6 one's /64 ({@code 2001:db8:1:2::/64}),
     * anything else (no HTTP request) as it is.
     */
    public static String counted(String address) {
        Optional<InetAddress> parsed = parse(address);
        if (parsed.isEmpty()) {
            return address;
        }
        if (parsed.get() instanceof Inet4Address v4) {
            return v4.getHostAddress();
        }
        byte[] prefix = Arrays.copyOf(Arrays.copyOf(parsed.get().getAddress(), PREFIX_BYTES), 16);
        try {
            return compressed(Inet6Address.getByAddress(prefix).getHostAddress()) + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are an IPv6 address", e);
        }
    }

    /** {@code 2001:db8:1:2:0:0:0:0} as {@code 2001:db8:1:2::}. */
    private static String compressed(String full) {
        return full.endsWith(":0:0:0:0") ? full.substring(0, full.length() - ":0:0:0:0".length()) + "::" : full;
    }
}
