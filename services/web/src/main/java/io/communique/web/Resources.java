package io.communique.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Files shipped in the web jar. Blocking: call on a worker thread. */
final class Resources {
    private Resources() {
    }

    /** The bytes of a classpath resource; a missing one throws {@link IllegalStateException}. */
    static byte[] bytes(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
