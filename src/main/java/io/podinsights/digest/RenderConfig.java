package io.podinsights.digest;

/**
 * Wording the app may change: the subject prefix (the date follows: "Your podcast insights for Mon 23 Nov") and the
 * heading at the top of the email.
 */
public record RenderConfig(String subjectPrefix, String heading) {

  public static final RenderConfig DEFAULTS = new RenderConfig("Your podcast insights for", "Your podcast insights");

  public RenderConfig {
    if (subjectPrefix == null || subjectPrefix.isBlank()) throw new IllegalArgumentException("digest: empty subject prefix");
    if (heading == null || heading.isBlank()) throw new IllegalArgumentException("digest: empty heading");
    subjectPrefix = FeedText.header(subjectPrefix);
    heading = FeedText.line(heading);
  }
}
