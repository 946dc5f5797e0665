package org.apppasswords.selfservice.device;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The devices the create route sets up, as its {@code device} field names them: {@code apple} (a
 * configuration profile behind a one-time link), {@code thunderbird-android} (a QR code of that
 * app's import format), {@code other} (the settings in plain words, as without the field).
 */
public enum Device {
    APPLE("apple"),
    THUNDERBIRD_ANDROID("thunderbird-android"),
    OTHER("other");

    private final String apiName;

    Device(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** Whether the setup carries the app password to the device (IMAP and SMTP), not only the settings. */
    public boolean carriesThePassword() {
        return this != OTHER;
    }

    public static Optional<Device> ofApiName(String name) {
        return Arrays.stream(values()).filter(device -> device.apiName.equals(name)).findFirst();
    }

    /** The API names, for messages: {@code apple, thunderbird-android, other}. */
    public static String apiNames() {
        return Arrays.stream(values()).map(Device::apiName).collect(Collectors.joining(", "));
    }
}
