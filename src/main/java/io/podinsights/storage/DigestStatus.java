package io.podinsights.storage;

/** Delivery state of a digest: waiting to be sent, sent (the server accepted it), or given up after a hard failure. */
public enum DigestStatus {
  PENDING, SENT, ABANDONED
}
