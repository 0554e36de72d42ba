package io.podinsights.digest;

import java.util.Objects;
import java.util.Optional;

/**
 * What the relay did with one mail (RFC 5321 section 3.8; reliability E7, E8): accepted (mark sent), transient (retry
 * later with backoff), permanent (suppress this recipient), or misconfigured (our login, sender or TLS setting is
 * wrong: keep the row, do not suppress the recipient, tell the operator).
 */
public sealed interface SendResult {

  /** A 2xx after end-of-data: the relay took responsibility. {@code queueId} when its reply names one. */
  record Accepted(String messageId, String serverReply, Optional<String> queueId) implements SendResult {
    public Accepted {
      Objects.requireNonNull(messageId, "mail: messageId");
      Objects.requireNonNull(serverReply, "mail: serverReply");
      Objects.requireNonNull(queueId, "mail: queueId");
    }
  }

  /** A 4xx, a 5.2.2 mailbox-full, a timeout or a lost connection (also after DATA): send again later. */
  record Transient(String reason, Optional<Integer> code) implements SendResult {
    public Transient {
      Objects.requireNonNull(reason, "mail: reason");
      Objects.requireNonNull(code, "mail: code");
    }
  }

  /** A 5xx for this recipient or this message, or an address that cannot be sent to: do not retry. */
  record Permanent(String reason, Optional<Integer> code) implements SendResult {
    public Permanent {
      Objects.requireNonNull(reason, "mail: reason");
      Objects.requireNonNull(code, "mail: code");
    }
  }

  /** The relay refused our login, our sender address, or the TLS we require: fix the SMTP settings. */
  record Misconfigured(String reason) implements SendResult {
    public Misconfigured {
      Objects.requireNonNull(reason, "mail: reason");
    }
  }
}
