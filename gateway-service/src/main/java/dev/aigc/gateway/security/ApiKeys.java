package dev.aigc.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured API keys. Only SHA-256 digests are kept; a presented key is hashed and compared with every
 * configured digest in constant time ({@link MessageDigest#isEqual}), without stopping at the first match, so the
 * time taken says nothing about which key, or how much of one, matched. Keys never appear in logs or errors: an
 * entry is named by its position and a client by a short prefix of its key's digest.
 */
public final class ApiKeys {

    /** Shorter keys are refused at start-up: they could be guessed. */
    public static final int MIN_LENGTH = 16;

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** A key that matched: its role and the client id used for rate limiting and logs. */
    public record Match(String clientId, Role role) {
    }

    private record Entry(byte[] digest, Match match) {
    }

    public static ApiKeys from(SecurityProperties properties) {
        List<String> lines = new ArrayList<>(properties.apiKeys());
        if (properties.apiKeysFile() != null && !properties.apiKeysFile().isBlank()) {
            try {
                lines.addAll(Files.readAllLines(Path.of(properties.apiKeysFile().trim()), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the API key file " + properties.apiKeysFile(), e);
            }
        }
        return parse(lines);
    }

    static ApiKeys parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        int position = 0;
        for (String raw : lines) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            position++;
            int colon = line.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("API key entry #" + position + " is not key:role");
            }
            String key = line.substring(0, colon).trim();
            Role role;
            try {
                role = Role.parse(line.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("API key entry #" + position + ": " + e.getMessage());
            }
            if (key.length() < MIN_LENGTH || key.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("API key entry #" + position + " must be at least " + MIN_LENGTH
                        + " characters without spaces");
            }
            byte[] digest = sha256(key);
            if (entries.stream().anyMatch(e -> MessageDigest.isEqual(e.digest(), digest))) {
                throw new IllegalArgumentException("API key entry #" + position + " repeats an earlier key");
            }
            entries.add(new Entry(digest, new Match("key-" + HexFormat.of().formatHex(digest, 0, 6), role)));
        }
        return new ApiKeys(entries);
    }

    public Optional<Match> find(String presented) {
        byte[] digest = sha256(presented);
        Match found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest)) {
                found = entry.match();
            }
        }
        return Optional.ofNullable(found);
    }

    public int size() {
        return entries.size();
    }

    public long count(Role role) {
        return entries.stream().filter(e -> e.match().role() == role).count();
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
