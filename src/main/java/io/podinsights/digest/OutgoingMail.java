package io.podinsights.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One email to send: the recipient, subject, plain-text and HTML bodies, a Message-ID fixed by the caller (so a
 * re-send is recognisable) and extra headers such as {@code List-Unsubscribe}. The mailer strips line breaks from
 * every header value; header names are checked here.
 */
public record OutgoingMail(String to, String subject, String text, String html, String messageId, Map<String, String> headers) {

  private static final Pattern MESSAGE_ID = Pattern.compile("<[\\x21-\\x3b\\x3d\\x3f-\\x7e]+@[\\x21-\\x3b\\x3d\\x3f-\\x7e]+>");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final Set<String> RESERVED = Set.of(
      "from", "to", "cc", "bcc", "subject", "message-id", "date", "mime-version", "content-type",
      "content-transfer-encoding", "sender", "reply-to", "return-path");

  public OutgoingMail {
    if (to == null || to.isBlank()) throw new IllegalArgumentException("mail: empty recipient");
    Objects.requireNonNull(subject, "mail: subject");
    Objects.requireNonNull(text, "mail: text");
    Objects.requireNonNull(html, "mail: html");
    if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
      throw new IllegalArgumentException("mail: Message-ID " + messageId + " is not of the form <left@right> in printable ASCII");
    }
    for (String name : headers.keySet()) {
      if (!HEADER_NAME.matcher(name).matches() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("mail: header name '" + FeedText.line(name) + "' is not allowed as an extra header");
      }
    }
    headers = Map.copyOf(new LinkedHashMap<>(headers));
  }

  /** The mail for a rendered digest, with its deterministic Message-ID. */
  public static OutgoingMail forDigest(RenderedDigest rendered, String messageIdDomain, Map<String, String> headers) {
    Digest d = rendered.digest();
    return new OutgoingMail(d.recipient(), rendered.subject(), rendered.text(), rendered.html(),
        digestMessageId(d.recipient(), d.date(), messageIdDomain), headers);
  }

  /**
   * {@code <digest-{first 16 hex of SHA-256(lower-cased recipient)}-{date}@{domain}>}: the same for every attempt at
   * one recipient's digest for one day, and no address in clear.
   */
  public static String digestMessageId(String recipient, LocalDate date, String domain) {
    if (domain == null || !domain.matches("[A-Za-z0-9.-]+")) {
      throw new IllegalArgumentException("mail: Message-ID domain '" + domain + "' must be letters, digits, dots and hyphens");
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(recipient.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return "<digest-" + HexFormat.of().formatHex(hash, 0, 8) + "-" + date + "@" + domain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("mail: SHA-256 is missing from this JVM", e);
    }
  }
}
