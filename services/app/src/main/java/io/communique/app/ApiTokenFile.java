package io.communique.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The API token writes need when none is configured: generated once (256 random bits), kept in
 * {@code DATA_DIR/api-token} readable by its owner only, and reused on every later start.
 */
final class ApiTokenFile {
    static final String FILE_NAME = "api-token";

    private ApiTokenFile() {
    }

    static Path pathIn(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** The token stored in {@code dataDir}, created there first when missing. Runs at start-up, before any event loop. */
    static String loadOrCreate(Path dataDir) {
        Path file = pathIn(dataDir);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
                } catch (FileAlreadyExistsException raced) {
                    // another instance on the same DATA_DIR created it first: use theirs
                }
            }
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new IllegalStateException(file + " is empty: delete it to get a new API token, or set API_TOKEN");
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the API token file " + file + ": " + e.getMessage(), e);
        }
    }
}
