package io.podinsights.insight.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a cached model answer depends on: the transcript's hash, the prompt version, the model, and the hash of the
 * exact request (the candidates and contexts in this chunk), so a changed miner never gets a stale answer.
 */
public record CacheKey(String transcriptHash, String promptVersion, String modelId, String requestHash) {

  public CacheKey {
    for (String part : new String[] {transcriptHash, promptVersion, modelId, requestHash}) {
      if (part == null || part.isBlank()) throw new IllegalArgumentException("insight-llm: cache key with an empty part");
    }
  }

  /** A stable file-name-safe digest of all four parts. */
  public String digest() {
    return sha256(transcriptHash + '\n' + promptVersion + '\n' + modelId + '\n' + requestHash);
  }

  static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("insight-llm: this JVM has no SHA-256", e);
    }
  }
}
