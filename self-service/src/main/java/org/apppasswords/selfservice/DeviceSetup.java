package org.apppasswords.selfservice;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.CreatedAppPassword;
import org.apppasswords.configuration.ClientSettings;
import org.apppasswords.device.ProfileLinks;
import org.apppasswords.scope.ProtocolScope;
import org.apppasswords.selfservice.device.Device;
import org.apppasswords.selfservice.device.ThunderbirdAndroidQr;

/**
 * The create route's {@code device} field: which device the new app password is for, checked
 * before the password check (a bad value costs no guess), and what the answer then carries besides
 * the password and the settings. {@code apple}: a one-time link to a configuration profile,
 * {@code {"type": "apple", "profileUrl": "/app-passwords-api/device-profiles/TOKEN", "expiresAt": ...}};
 * {@code thunderbird-android}: {@code {"type": "thunderbird-android", "qrCodePng": "<base64>"}}, the
 * QR code drawn now and kept nowhere; {@code other} or none: nothing more.
 */
final class DeviceSetup {
    static final String FIELD = "device";
    static final String PROFILES_PATH = SelfServiceRoutes.BASE + "/device-profiles/";

    private final ClientSettings clients;
    private final ProfileLinks links;

    @Inject
    DeviceSetup(ClientSettings clients, ProfileLinks links) {
        this.clients = clients;
        this.links = links;
    }

    /** The device asked for; {@link Device#OTHER} when the field is absent. Fails with 400 naming the field. */
    Device choose(Optional<String> field, ProtocolScope protocols, Username user) {
        if (field.isEmpty()) {
            return Device.OTHER;
        }
        Device device = Device.ofApiName(field.get())
            .orElseThrow(() -> ApiError.badRequest("The field 'device' must be one of " + Device.apiNames()));
        if (!device.carriesThePassword()) {
            return device;
        }
        if (!clients.configured()) {
            throw ApiError.badRequest("The field 'device' may be " + device.apiName() + " only on a server that says how mail clients"
                + " reach it (clients.imap and clients.smtp): this one does not, use 'other' or leave the field out");
        }
        boolean imapAndSmtp = protocols.isAll() || protocols.apiNames().containsAll(List.of("imap", "smtp"));
        if (!imapAndSmtp) {
            throw ApiError.badRequest("The field 'device' (" + device.apiName() + ") sets up reading over IMAP and sending over SMTP:"
                + " the field 'protocols' must then include imap and smtp");
        }
        if (!user.hasDomainPart()) {
            throw ApiError.badRequest("The field 'device' (" + device.apiName() + ") needs a user name that is a mail address");
        }
        return device;
    }

    /** What the create answer carries as {@code device}; empty for {@link Device#OTHER}. */
    Optional<Map<String, Object>> answer(Device device, Username user, CreatedAppPassword created) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", device.apiName());
        switch (device) {
            case APPLE:
                ProfileLinks.IssuedLink link = links.issue(user, created.password());
                answer.put("profileUrl", PROFILES_PATH + link.token().reveal());
                answer.put("expiresAt", link.expiresAt().toString());
                return Optional.of(answer);
            case THUNDERBIRD_ANDROID:
                String payload = ThunderbirdAndroidQr.payload(clients, user, created.entry().label(), created.password());
                answer.put("qrCodePng", Base64.getEncoder().encodeToString(QrCodePng.render(payload)));
                return Optional.of(answer);
            default:
                return Optional.empty();
        }
    }
}
