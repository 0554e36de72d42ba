package io.podinsights.storage;

/** The database could not be opened, migrated, or written; the message says which and why. */
public final class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
