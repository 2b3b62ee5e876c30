package io.communique.ingest.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a dropped file's bytes (blocking) without ever following a symbolic link: anyone who can write to the inbox
 * could otherwise link to a file only the app may read (its API token, say) and have it published as a document.
 */
final class InboxBytes {
    private InboxBytes() {
    }

    /** @throws IOException with the reason for the file's {@code .reason.txt}: a link, no regular file, too large */
    static byte[] read(Path file, long maxBytes) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            throw new IOException("a symbolic link: links are never followed; drop the file itself");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException("not a regular file");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(attributes.size() + " bytes", maxBytes);
        }
        // NOFOLLOW_LINKS again when opening: the file may have been swapped for a link since it was looked at.
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            // one more than allowed shows that it grew past the limit
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                throw tooLarge("grown to more than " + maxBytes + " bytes", maxBytes);
            }
            return bytes;
        }
    }

    private static IOException tooLarge(String size, long maxBytes) {
        return new IOException(size + ": larger than the document limit of " + maxBytes + " bytes (MAX_DOCUMENT_BYTES)");
    }
}
