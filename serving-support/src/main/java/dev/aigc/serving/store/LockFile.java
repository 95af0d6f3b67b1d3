package dev.aigc.serving.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock shared by processes that see the same directory (replicas over a ReadWriteMany volume): whoever creates the
 * file first ({@code O_CREAT|O_EXCL}, {@link StandardOpenOption#CREATE_NEW}) holds it. The holder proves it is alive by
 * touching the file ({@link #heartbeat()}) more often than {@code staleAfter}; a lock whose file has not been touched
 * for longer is taken to belong to a process that died and may be broken by the next one that asks.
 *
 * <p>Every removal of the file (breaking a stale lock, releasing one's own) happens under a guard: an OS lock on the
 * sibling {@code <name>.guard} ({@link FileChannel#lock()}, which the OS drops when the process dies), taken after a
 * lock of this JVM for the same path (the OS lock belongs to the process, not to a thread). Under the guard the file
 * cannot change hands, since creating it needs it absent and every removal holds the guard, so a contender checks
 * again that the file is still the stale one it saw before deleting it. Without that check, a contender that saw the
 * stale file could remove the lock that a quicker contender had just taken, and both would think they held it. The
 * guard file stays in place: deleting a file that others may be locking would let two of them lock different files.
 *
 * <p>A holder that finds its file gone or replaced ({@link #heartbeat()} returns false) has lost the lock and must
 * stop what it guards.
 */
public final class LockFile {

    /** Who holds a lock, as written into its file. */
    public record Holder(String owner, String subject, Instant acquiredAt, Instant lastHeartbeat) {
    }

    private static final Logger log = LoggerFactory.getLogger(LockFile.class);

    /** One lock object per lock path in this JVM; a process uses a handful of lock paths, so the map stays small. */
    private static final ConcurrentMap<Path, ReentrantLock> LOCAL_GUARDS = new ConcurrentHashMap<>();

    private final Path path;
    private final String token;
    private final Holder holder;
    private final Holder broken;
    private final Clock clock;

    private LockFile(Path path, String token, Holder holder, Holder broken, Clock clock) {
        this.path = path;
        this.token = token;
        this.holder = holder;
        this.broken = broken;
        this.clock = clock;
    }

    /**
     * Takes the lock if it is free or stale.
     *
     * @param owner      who asks (e.g. the replica's host name), written into the file for others to read
     * @param subject    what the lock is for (e.g. a job id)
     * @param staleAfter a lock not touched for this long is broken
     * @return the lock, or empty when another live holder has it
     */
    public static Optional<LockFile> tryAcquire(Path path, String owner, String subject, Duration staleAfter)
            throws IOException {
        return tryAcquire(path, owner, subject, staleAfter, Clock.systemUTC());
    }

    static Optional<LockFile> tryAcquire(Path path, String owner, String subject, Duration staleAfter, Clock clock)
            throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        Holder broken = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            String token = UUID.randomUUID().toString();
            Instant now = clock.instant();
            try (SeekableByteChannel channel = Files.newByteChannel(path, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content(token, owner, subject, now)));
                Holder holder = new Holder(owner, subject, now, now);
                return Optional.of(new LockFile(path, token, holder, broken, clock));
            } catch (FileAlreadyExistsException held) {
                Optional<Snapshot> current = snapshot(path);
                if (current.isEmpty()) {
                    continue; // released meanwhile
                }
                Holder seen = current.get().holder();
                if (!isStale(seen, staleAfter, clock)) {
                    return Optional.empty();
                }
                if (breakStale(path, current.get().token(), staleAfter, clock)) {
                    broken = seen;
                    log.warn("Broke the stale lock {} of {} ({}), last touched {}", path, seen.owner(),
                            seen.subject(), seen.lastHeartbeat());
                }
            }
        }
        return Optional.empty();
    }

    /** The current holder, read from the file; empty when nobody holds the lock. */
    public static Optional<Holder> holder(Path path) throws IOException {
        return snapshot(path).map(Snapshot::holder);
    }

    private record Snapshot(String token, Holder holder) {
    }

    /** Content first, then the time: a file replaced in between looks fresh, never stale. */
    private static Optional<Snapshot> snapshot(Path path) throws IOException {
        try {
            Properties p = read(path);
            Instant touched = Files.getLastModifiedTime(path).toInstant();
            Instant acquired = p.getProperty("acquiredAt") == null ? touched
                    : Instant.parse(p.getProperty("acquiredAt"));
            return Optional.of(new Snapshot(p.getProperty("token"), new Holder(p.getProperty("owner", "unknown"),
                    p.getProperty("subject", ""), acquired, touched)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Touches the file; false when the lock was lost (broken as stale by another process, or deleted). */
    public boolean heartbeat() {
        try {
            if (!isMine()) {
                return false;
            }
            Files.setLastModifiedTime(path, FileTime.from(clock.instant()));
            return true;
        } catch (IOException e) {
            log.warn("Cannot touch lock {}: {}", path, e.getMessage());
            return false;
        }
    }

    /** Deletes the file if it is still this holder's. */
    public void release() {
        try {
            guarded(path, () -> isMine() && Files.deleteIfExists(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release lock " + path, e);
        }
    }

    /** What this lock holder wrote. */
    public Holder holder() {
        return holder;
    }

    /** The stale holder this acquisition broke, if it had to. */
    public Optional<Holder> brokenHolder() {
        return Optional.ofNullable(broken);
    }

    public Path path() {
        return path;
    }

    private boolean isMine() throws IOException {
        try {
            return token.equals(read(path).getProperty("token"));
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static boolean isStale(Holder holder, Duration staleAfter, Clock clock) {
        return holder.lastHeartbeat().plus(staleAfter).isBefore(clock.instant());
    }

    /**
     * Deletes the lock file if, under the guard, it is still the stale file seen before (same token, still untouched);
     * false when it was released, taken by a quicker contender or touched meanwhile. A holder that was merely slow
     * finds its lock gone at its next heartbeat.
     */
    private static boolean breakStale(Path path, String staleToken, Duration staleAfter, Clock clock)
            throws IOException {
        return guarded(path, () -> {
            Optional<Snapshot> now = snapshot(path);
            if (now.isEmpty() || !Objects.equals(staleToken, now.get().token())
                    || !isStale(now.get().holder(), staleAfter, clock)) {
                return false;
            }
            Files.delete(path);
            return true;
        });
    }

    private interface GuardedStep<T> {
        T run() throws IOException;
    }

    private static <T> T guarded(Path path, GuardedStep<T> step) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        ReentrantLock local = LOCAL_GUARDS.computeIfAbsent(absolute, p -> new ReentrantLock());
        local.lock();
        try (FileChannel guard = FileChannel.open(absolute.resolveSibling(absolute.getFileName() + ".guard"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = guard.lock()) {
            return step.run();
        } finally {
            local.unlock();
        }
    }

    private static byte[] content(String token, String owner, String subject, Instant now) {
        return ("token=" + token + "\nowner=" + owner + "\nsubject=" + subject + "\nacquiredAt=" + now + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Properties read(Path path) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(path, StandardCharsets.UTF_8)));
        return p;
    }

    @Override
    public String toString() {
        return "LockFile[" + path + " held by " + holder.owner() + " for " + holder.subject() + "]";
    }
}
