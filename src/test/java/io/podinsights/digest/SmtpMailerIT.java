package io.podinsights.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.podinsights.digest.ScriptedSmtpServer.Script;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpMailerIT {

  @RegisterExtension
  static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-23T06:00:00Z"));
  private static final Duration SHORT = Duration.ofSeconds(5);

  private static SmtpConfig local(int port) {
    return SmtpConfig.of("127.0.0.1", "Podinsights <digest@podinsights.example>")
        .withPort(port).withStartTls(SmtpConfig.StartTls.NONE).withTimeouts(SHORT, SHORT, SHORT);
  }

  private static SmtpMailer greenMailer() {
    return new SmtpMailer(local(greenMail.getSmtp().getPort()), CLOCK);
  }

  private static OutgoingMail plain(String to, String subject, Map<String, String> headers) {
    return new OutgoingMail(to, subject, "Hello\nworld\n", "<p>Hello</p>\n", "<test-1@podinsights>", headers);
  }

  private static RenderedDigest renderedSample() {
    Digest d = DigestRendererTest.sample();
    List<DigestItem> items = new java.util.ArrayList<>(d.items());
    items.add(new DigestItem("Café owners say naïve pricing — not rent — closes most shops ✓", "Ökonomie heute",
        "Folge 9", Optional.empty(), Duration.ofSeconds(42), "https://e.example/9.mp3#t=42", Optional.empty(), false,
        "publisher transcript"));
    return new DigestRenderer(RenderConfig.DEFAULTS).render(new Digest("reader@example.com", d.date(), items), FooterLinks.NONE);
  }

  @Test
  void a_digest_arrives_with_text_and_html_parts_subject_and_its_message_id() throws Exception {
    RenderedDigest rendered = renderedSample();
    OutgoingMail mail = OutgoingMail.forDigest(rendered, "podinsights",
        Map.of("List-Unsubscribe", "<https://podinsights.example/u/abc>"));

    SendResult result = greenMailer().send(mail);

    assertThat(result).isInstanceOf(SendResult.Accepted.class);
    assertThat(((SendResult.Accepted) result).serverReply()).startsWith("250");
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage m = received[0];
    assertThat(m.getSubject()).isEqualTo("Your podcast insights for Mon 23 Nov");
    assertThat(m.getHeader("Message-ID")).containsExactly(mail.messageId());
    assertThat(mail.messageId()).matches("<digest-[0-9a-f]{16}-2026-11-23@podinsights>");
    assertThat(m.getHeader("List-Unsubscribe")).containsExactly("<https://podinsights.example/u/abc>");
    assertThat(m.getFrom()[0].toString()).isEqualTo("Podinsights <digest@podinsights.example>");
    assertThat(m.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
    String text = (String) parts.getBodyPart(0).getContent();
    String html = (String) parts.getBodyPart(1).getContent();
    assertThat(text.replace("\r\n", "\n")).isEqualTo(rendered.text());
    assertThat(html.replace("\r\n", "\n")).isEqualTo(rendered.html());
    assertThat(text).contains("Café owners say naïve pricing — not rent — closes most shops ✓");
    assertThat(html).contains("Listen at 12:34</a>").contains("Ökonomie heute");
  }

  @Test
  void a_show_title_with_crlf_cannot_add_a_bcc_or_a_second_subject() throws Exception {
    String evil = "Show\r\nBcc: victim@example.com";
    OutgoingMail mail = plain("reader@example.com", "Insights from " + evil + "\u2028Bcc: victim2@example.com\u760A\u760D",
        Map.of("List-Id", evil + "\u0085Bcc: victim3@example.com <digest.podinsights.example>"));

    assertThat(greenMailer().send(mail)).isInstanceOf(SendResult.Accepted.class);

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getAllRecipients()).extracting(Object::toString).containsExactly("reader@example.com");
    assertThat(received[0].getHeader("Subject")).hasSize(1);
    assertThat(received[0].getHeader("Bcc")).isNull();
    assertThat(received[0].getHeader("List-Id")).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Insights from Show Bcc: victim@example.com Bcc: victim2@example.com\u760A\u760D");
    assertThat(greenMail.getReceivedMessagesForDomain("example.com")).hasSize(1);
  }

  @Test
  void bodies_go_out_with_crlf_line_ends_only() throws Exception {
    SmtpMailer mailer = greenMailer();
    OutgoingMail mail = plain("reader@example.com", "s", Map.of());
    MimeMessage message = mailer.message(new OutgoingMail(mail.to(), "s", "a\nb\rc\r\nd\n.\n", "<p>x</p>\n<p>y</p>",
        mail.messageId(), Map.of()), new jakarta.mail.internet.InternetAddress("reader@example.com"));
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    message.writeTo(raw);
    byte[] bytes = raw.toByteArray();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') assertThat(i > 0 && bytes[i - 1] == '\r').as("LF at %d preceded by CR", i).isTrue();
      if (bytes[i] == '\r') assertThat(i + 1 < bytes.length && bytes[i + 1] == '\n').as("CR at %d followed by LF", i).isTrue();
    }
    assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("Content-Transfer-Encoding: quoted-printable")
        .contains("a\r\nb\r\nc\r\nd\r\n.\r\n");
  }

  @Test
  void a_wrong_password_is_a_configuration_problem_not_the_recipients() {
    greenMail.setUser("digest@podinsights.example", "digest", "right-secret");
    SmtpMailer mailer = new SmtpMailer(local(greenMail.getSmtp().getPort()).withLogin("digest", "wrong-secret"), CLOCK);

    SendResult result = mailer.send(plain("reader@example.com", "s", Map.of()));

    assertThat(result).isInstanceOf(SendResult.Misconfigured.class);
    assertThat(((SendResult.Misconfigured) result).reason()).startsWith("mail: 127.0.0.1:").contains("refused the login for digest")
        .doesNotContain("wrong-secret");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void the_right_password_is_accepted() {
    greenMail.setUser("digest@podinsights.example", "digest", "right-secret");
    SmtpMailer mailer = new SmtpMailer(local(greenMail.getSmtp().getPort()).withLogin("digest", "right-secret"), CLOCK);
    assertThat(mailer.send(plain("reader@example.com", "s", Map.of()))).isInstanceOf(SendResult.Accepted.class);
  }

  @Test
  void a_relay_that_is_down_is_a_transient_failure() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    SendResult result = new SmtpMailer(local(port), CLOCK).send(plain("reader@example.com", "s", Map.of()));
    assertThat(result).isInstanceOf(SendResult.Transient.class);
    assertThat(((SendResult.Transient) result).reason()).startsWith("mail: could not talk to 127.0.0.1:" + port);
  }

  @Test
  void a_550_to_rcpt_is_permanent_and_no_data_is_sent() throws Exception {
    try (var stub = new ScriptedSmtpServer(new Script("250 2.1.0 Ok", "550 5.1.1 <reader@example.com>: user unknown", Optional.of("250 Ok")))) {
      SendResult result = new SmtpMailer(local(stub.port()), CLOCK).send(plain("reader@example.com", "s", Map.of()));
      assertThat(result).isEqualTo(new SendResult.Permanent(
          "mail: 127.0.0.1:" + stub.port() + " answered 550 5.1.1 <reader@example.com>: user unknown; do not retry, suppress this recipient",
          Optional.of(550)));
      assertThat(stub.commands()).contains("RCPT").doesNotContain("DATA");
    }
  }

  @Test
  void a_451_to_rcpt_is_transient() throws Exception {
    try (var stub = new ScriptedSmtpServer(new Script("250 Ok", "451 4.7.1 greylisted, try again later", Optional.of("250 Ok")))) {
      SendResult result = new SmtpMailer(local(stub.port()), CLOCK).send(plain("reader@example.com", "s", Map.of()));
      assertThat(result).isInstanceOf(SendResult.Transient.class);
      assertThat(((SendResult.Transient) result).code()).contains(451);
    }
  }

  @Test
  void a_554_after_data_is_permanent() throws Exception {
    try (var stub = new ScriptedSmtpServer(Script.accepting("554 5.7.1 message rejected as spam"))) {
      SendResult result = new SmtpMailer(local(stub.port()), CLOCK).send(plain("reader@example.com", "s", Map.of()));
      assertThat(result).isInstanceOf(SendResult.Permanent.class);
      assertThat(((SendResult.Permanent) result).code()).contains(554);
    }
  }

  @Test
  void a_full_mailbox_is_a_soft_bounce() throws Exception {
    try (var stub = new ScriptedSmtpServer(Script.accepting("552 5.2.2 mailbox full"))) {
      SendResult result = new SmtpMailer(local(stub.port()), CLOCK).send(plain("reader@example.com", "s", Map.of()));
      assertThat(result).isInstanceOf(SendResult.Transient.class);
      assertThat(((SendResult.Transient) result).code()).contains(552);
    }
  }

  @Test
  void a_connection_lost_after_data_before_the_250_is_transient() throws Exception {
    try (var stub = new ScriptedSmtpServer(new Script("250 Ok", "250 Ok", Optional.empty()))) {
      SendResult result = new SmtpMailer(local(stub.port()), CLOCK).send(plain("reader@example.com", "s", Map.of()));
      assertThat(result).isInstanceOf(SendResult.Transient.class);
      assertThat(((SendResult.Transient) result).reason()).contains("127.0.0.1:" + stub.port());
      assertThat(stub.commands()).contains("DATA");
    }
  }

  @Test
  void the_queue_id_is_read_from_the_final_reply() throws Exception {
    try (var stub = new ScriptedSmtpServer(Script.accepting("250 2.0.0 Ok: queued as 4XyZ12AbC"))) {
      SendResult result = new SmtpMailer(local(stub.port()), CLOCK).send(plain("reader@example.com", "s", Map.of()));
      assertThat(result).isEqualTo(new SendResult.Accepted("<test-1@podinsights>", "250 2.0.0 Ok: queued as 4XyZ12AbC",
          Optional.of("4XyZ12AbC")));
    }
  }

  @Test
  void a_refused_sender_is_a_configuration_problem() throws Exception {
    try (var stub = new ScriptedSmtpServer(new Script("553 5.7.1 sender not allowed", "250 Ok", Optional.of("250 Ok")))) {
      SendResult result = new SmtpMailer(local(stub.port()), CLOCK).send(plain("reader@example.com", "s", Map.of()));
      assertThat(result).isInstanceOf(SendResult.Misconfigured.class);
      assertThat(((SendResult.Misconfigured) result).reason()).contains("refused the sender digest@podinsights.example");
    }
  }

  @Test
  void an_unsendable_recipient_is_permanent_without_contacting_the_relay() {
    SmtpMailer mailer = greenMailer();
    for (String bad : List.of("reader@example.com\r\nBcc: victim@example.com", "not an address", "re\u760Ader@example.com")) {
      assertThat(mailer.send(plain(bad, "s", Map.of()))).as(bad).isInstanceOf(SendResult.Permanent.class);
    }
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void requiring_starttls_from_a_relay_without_it_is_a_configuration_problem() throws Exception {
    try (var stub = new ScriptedSmtpServer(Script.accepting("250 Ok"))) {
      SmtpConfig config = local(stub.port()).withStartTls(SmtpConfig.StartTls.REQUIRED);
      SendResult result = new SmtpMailer(config, CLOCK).send(plain("reader@example.com", "s", Map.of()));
      assertThat(result).isInstanceOf(SendResult.Misconfigured.class);
      assertThat(((SendResult.Misconfigured) result).reason()).contains("STARTTLS").endsWith("check smtp.starttls");
      assertThat(stub.commands()).doesNotContain("MAIL");
    }
  }

  @Test
  void a_relay_that_greets_with_421_is_transient() throws Exception {
    try (var stub = new ScriptedSmtpServer(Script.greetingOnly("421 4.3.2 too busy, come back later"))) {
      SendResult result = new SmtpMailer(local(stub.port()), CLOCK).send(plain("reader@example.com", "s", Map.of()));
      assertThat(result).isInstanceOf(SendResult.Transient.class);
    }
  }

  @Test
  void a_relay_that_never_answers_times_out_as_transient() throws Exception {
    try (var stub = new ScriptedSmtpServer(Script.silent())) {
      Duration quick = Duration.ofMillis(300);
      SmtpMailer mailer = new SmtpMailer(local(stub.port()).withTimeouts(quick, quick, quick), CLOCK);
      SendResult result = mailer.send(plain("reader@example.com", "s", Map.of()));
      assertThat(result).isInstanceOf(SendResult.Transient.class);
      assertThat(((SendResult.Transient) result).reason()).startsWith("mail: could not talk to 127.0.0.1:" + stub.port());
    }
  }
}
