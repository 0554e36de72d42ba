package io.podinsights.storage;

/** Whether a feed is polled: active feeds are; gone ones (HTTP 410) are kept with their history but never polled. */
public enum FeedStatus {
  ACTIVE, GONE
}
