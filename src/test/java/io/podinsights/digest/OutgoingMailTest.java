package io.podinsights.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutgoingMailTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

  @Test
  void the_digest_message_id_is_the_same_for_every_attempt_and_differs_per_recipient_and_day() {
    String id = OutgoingMail.digestMessageId("Reader@Example.com ", DAY, "podinsights");
    assertThat(id).isEqualTo(OutgoingMail.digestMessageId("reader@example.com", DAY, "podinsights"))
        .matches("<digest-[0-9a-f]{16}-2026-11-23@podinsights>")
        .doesNotContain("reader");
    assertThat(OutgoingMail.digestMessageId("other@example.com", DAY, "podinsights")).isNotEqualTo(id);
    assertThat(OutgoingMail.digestMessageId("reader@example.com", DAY.plusDays(1), "podinsights")).isNotEqualTo(id);
  }

  @Test
  void reserved_or_malformed_extra_headers_are_refused() {
    assertThatThrownBy(() -> new OutgoingMail("a@example.com", "s", "t", "h", "<x@y>", Map.of("Bcc", "v@example.com")))
        .hasMessageContaining("header name 'Bcc' is not allowed");
    assertThatThrownBy(() -> new OutgoingMail("a@example.com", "s", "t", "h", "<x@y>", Map.of("X-A\r\nBcc", "v")))
        .hasMessageContaining("is not allowed");
    assertThatThrownBy(() -> new OutgoingMail("a@example.com", "s", "t", "h", "<x\r\n@y>", Map.of()))
        .hasMessageStartingWith("mail: Message-ID");
  }

  @Test
  void crlf_normalises_every_line_ending_and_drops_nul() {
    assertThat(SmtpMailer.crlf("a\nb\rc\r\nd\u0000e\n")).isEqualTo("a\r\nb\r\nc\r\nd" + "e\r\n");
  }
}
