package org.apppasswords.selfservice.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One file of the self-service page, read once from this package's resources when the server
 * starts. The resource name is a constant of {@link PageRoutes}, never anything from a request:
 * no request path reaches a classpath lookup.
 */
final class PageFile {
    private final String contentType;
    private final byte[] content;

    private PageFile(String contentType, byte[] content) {
        this.contentType = contentType;
        this.content = content;
    }

    /** Loads {@code resource} (a name in this package); fails the start when it is missing. */
    static PageFile load(String resource, String contentType) {
        try (InputStream in = PageFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The self-service page resource " + resource + " is missing from the jar");
            }
            return new PageFile(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the self-service page resource " + resource, e);
        }
    }

    String contentType() {
        return contentType;
    }

    byte[] content() {
        return content.clone();
    }
}
