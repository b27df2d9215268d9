package vn.motcua.integration.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Where a webhook may be sent: an absolute {@code http} or {@code https} address without credentials in it, at most
 * 2,000 characters, and (unless {@code motcua.webhooks.allow-private-addresses}) a host whose every address is public:
 * not this machine, not a private, link-local, unique-local, multicast or unspecified address. Checked when a system
 * subscribes and again before every attempt (a name may point elsewhere later).
 */
@Component
public class WebhookAddresses {
    private final WebhookSettings settings;

    WebhookAddresses(WebhookSettings settings) { this.settings = settings; }

    /** What is wrong with an address, as a message key of the bundles; null when it may be used. */
    public String problem(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) return "webhook.url.invalid";
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return "webhook.url.invalid";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return "webhook.url.invalid";
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) return "webhook.url.invalid";
        if (settings.allowPrivateAddresses()) return null;
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!isPublic(address)) return "webhook.url.private";
            }
        } catch (UnknownHostException e) {
            return "webhook.url.unknownHost";
        }
        return null;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isSiteLocalAddress()
                || address.isLinkLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) return (bytes[0] & 0xfe) != 0xfc; // fc00::/7, unique local
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        // 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8 are not the public internet either
        return !(first == 100 && second >= 64 && second < 128) && first != 0;
    }
}
