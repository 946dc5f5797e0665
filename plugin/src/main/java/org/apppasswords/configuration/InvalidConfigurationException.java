package org.apppasswords.configuration;

/**
 * A value of {@code conf/app-passwords.properties} that stops the start. The message names the
 * key and what it accepts, never the value given (the file also holds {@code jdbc.password}).
 */
public final class InvalidConfigurationException extends RuntimeException {
    public InvalidConfigurationException(String key, String expected) {
        super("Invalid value for '" + key + "' in " + AppPasswordsConfiguration.FILE_NAME + ".properties: expected " + expected);
    }

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
