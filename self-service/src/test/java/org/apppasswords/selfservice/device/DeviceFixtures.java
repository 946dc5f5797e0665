package org.apppasswords.selfservice.device;

import java.io.StringReader;
import java.security.SecureRandom;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.convert.DefaultListDelimiterHandler;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.io.FileHandler;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordGenerator;
import org.apppasswords.configuration.ClientSettings;

/** Client settings as an operator writes them, and a fresh app password. */
final class DeviceFixtures {
    private DeviceFixtures() {
    }

    static ClientSettings clients(String... lines) throws ConfigurationException {
        PropertiesConfiguration configuration = new PropertiesConfiguration();
        configuration.setListDelimiterHandler(new DefaultListDelimiterHandler(','));
        new FileHandler(configuration).load(new StringReader(String.join("\n", lines)));
        return ClientSettings.from(configuration);
    }

    static AppPassword newPassword() {
        return new AppPasswordGenerator(new SecureRandom()).generate();
    }
}
