package dev.aigc.serving.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Files that readers on other processes (or other machines, over a shared volume) see either whole or not at all:
 * the bytes go to a temporary name in the same directory, are forced to disk, and the temporary file is then
 * renamed onto the target in one step ({@code rename(2)}, atomic within one file system, NFS included).
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Replaces (or creates) {@code target} with {@code bytes}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = temporarySibling(target);
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            force(tmp);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Replaces (or creates) {@code target} with a copy of {@code source}. */
    public static void copy(Path source, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            copy(in, target);
        }
    }

    /** Replaces (or creates) {@code target} with the bytes of {@code in}. */
    public static void copy(InputStream in, Path target) throws IOException {
        Path tmp = temporarySibling(target);
        try {
            Files.copy(in, tmp);
            force(tmp);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A name next to {@code target} that no other writer uses. It starts with a dot, so directory scans that only
     * take names starting with a letter or digit never see it.
     */
    public static Path temporarySibling(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return parent.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system of " + target + " cannot rename atomically", e);
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
