package org.apppasswords.configuration;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.configuration2.Configuration;

/**
 * Reads typed values from a properties file, failing with {@link InvalidConfigurationException}
 * that names the key and never repeats the value.
 */
final class ConfigurationReader {
    private final Configuration properties;

    ConfigurationReader(Configuration properties) {
        this.properties = properties;
    }

    /** A typo in a security setting must not silently keep the default: a key not in {@code known} stops the start. */
    void rejectUnknownKeys(Set<String> known, String fileName) {
        Iterator<String> keys = properties.getKeys();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!known.contains(key)) {
                throw new InvalidConfigurationException("Unknown key '" + key + "' in " + fileName);
            }
        }
    }

    boolean bool(String key, boolean defaultValue) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new InvalidConfigurationException(key, "true or false");
        }
    }

    int positiveInt(String key, int defaultValue) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the error naming the key
        }
        throw new InvalidConfigurationException(key, "a whole number of at least 1");
    }

    String choice(String key, String defaultValue, Set<String> allowed) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        String lowerCase = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lowerCase)) {
            throw new InvalidConfigurationException(key, "one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return lowerCase;
    }

    String string(String key, String defaultValue) {
        String value = raw(key);
        return value == null ? defaultValue : value;
    }

    Duration duration(String key, Duration defaultValue) {
        String value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidConfigurationException(key, "an ISO-8601 duration such as PT10M");
        }
    }

    /** The trimmed value, or null when the key is absent or blank. */
    private String raw(String key) {
        if (!properties.containsKey(key)) {
            return null;
        }
        String[] values = properties.getStringArray(key);
        if (values.length > 1) {
            throw new InvalidConfigurationException(key, "a single value (given several, or a value containing ',')");
        }
        String value = values.length == 0 ? "" : values[0].trim();
        return value.isEmpty() ? null : value;
    }
}
