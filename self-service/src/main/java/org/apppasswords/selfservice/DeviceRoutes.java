package org.apppasswords.selfservice;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.configuration.ClientSettings;
import org.apppasswords.device.PendingProfile;
import org.apppasswords.device.ProfileLinks;
import org.apppasswords.selfservice.device.AppleProfile;
import org.apppasswords.selfservice.device.Device;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Device setup beside the create route ({@link DeviceSetup}): {@code GET /device-setup} tells the
 * page which devices it may offer, and {@code GET /device-profiles/{token}} hands out the Apple
 * profile of a one-time link. That link is opened by the device's browser, which holds no session:
 * its token is the credential, so it works once and for 5 minutes, and every other case (used
 * before, expired, its app password revoked, unknown, malformed) answers the same 410. Both routes
 * answer 404 on a server without {@code clients.*}.
 */
final class DeviceRoutes {
    private final ClientSettings clients;
    private final ProfileLinks links;
    private final AppPasswordStore appPasswords;
    private final SecureRandom random;

    @Inject
    DeviceRoutes(ClientSettings clients, ProfileLinks links, AppPasswordStore appPasswords, SecureRandom random) {
        this.clients = clients;
        this.links = links;
        this.appPasswords = appPasswords;
        this.random = random;
    }

    Mono<Reply> devices(HttpServerRequest request) {
        return Blocking.call(() -> {
            requireSettings();
            return Reply.ok(Map.of("devices", Arrays.stream(Device.values()).map(Device::apiName).collect(Collectors.toList())));
        });
    }

    Mono<Reply> profile(HttpServerRequest request) {
        String token = request.param("token");
        return Blocking.call(() -> {
            requireSettings();
            PendingProfile profile = links.redeem(token).orElseThrow(ApiError::linkGone);
            // The label as it is now; redeem() has just checked that the app password is still there.
            String label = appPasswords.find(profile.user(), profile.password().id()).orElseThrow(ApiError::linkGone).label();
            byte[] document = AppleProfile.render(clients, profile.user(), label, profile.password(), random);
            return Reply.attachment(document, AppleProfile.CONTENT_TYPE, "mail-" + profile.password().id().asString() + ".mobileconfig");
        });
    }

    private void requireSettings() {
        if (!clients.configured()) {
            throw ApiError.notFound("Device setup is off on this server (no clients.* settings)");
        }
    }
}
