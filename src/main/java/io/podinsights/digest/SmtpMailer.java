package io.podinsights.digest;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Sends mail over SMTP with Angus Mail: one connection per mail, multipart/alternative (text, then HTML), UTF-8,
 * quoted-printable bodies with CRLF line ends, the caller's Message-ID kept as is, and every header value stripped of
 * line breaks (CR, LF, U+0085, U+2028, U+2029). Outcomes are classified, never thrown: see {@link SendResult}.
 */
public final class SmtpMailer implements Mailer {

  private static final Pattern QUEUE_ID = Pattern.compile("(?i)(?:queued as|\\bid=)\\s*([A-Za-z0-9._-]+)");
  private static final Pattern PRINTABLE_ADDRESS = Pattern.compile("[\\x21-\\x7e]+@[\\x21-\\x7e]+");

  private final SmtpConfig config;
  private final InstantSource clock;
  private final Session session;
  private final InternetAddress from;

  public SmtpMailer(SmtpConfig config, InstantSource clock) {
    this.config = Objects.requireNonNull(config, "mail: smtp config");
    this.clock = Objects.requireNonNull(clock, "mail: clock");
    this.from = parseFrom(config.from());
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", config.host());
    p.setProperty("mail.smtp.port", Integer.toString(config.port()));
    p.setProperty("mail.smtp.connectiontimeout", Long.toString(config.connectTimeout().toMillis()));
    p.setProperty("mail.smtp.timeout", Long.toString(config.readTimeout().toMillis()));
    p.setProperty("mail.smtp.writetimeout", Long.toString(config.writeTimeout().toMillis()));
    p.setProperty("mail.smtp.auth", Boolean.toString(config.username().isPresent()));
    p.setProperty("mail.smtp.starttls.enable", Boolean.toString(config.startTls() != SmtpConfig.StartTls.NONE));
    p.setProperty("mail.smtp.starttls.required", Boolean.toString(config.startTls() == SmtpConfig.StartTls.REQUIRED));
    p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    p.setProperty("mail.smtp.from", from.getAddress());
    p.setProperty("mail.mime.charset", "UTF-8");
    this.session = Session.getInstance(p);
  }

  @Override
  public SendResult send(OutgoingMail mail) {
    InternetAddress to;
    try {
      to = parseRecipient(mail.to());
    } catch (AddressException e) {
      return new SendResult.Permanent("mail: recipient '" + FeedText.line(mail.to())
          + "' is not a sendable address (" + e.getMessage() + "); fix or suppress it", Optional.empty());
    }
    MimeMessage message = message(mail, to);
    Transport transport = null;
    try {
      transport = session.getTransport("smtp");
      transport.connect(config.host(), config.port(), config.username().orElse(null), config.password().orElse(null));
      transport.sendMessage(message, new Address[] {to});
      String reply = Objects.requireNonNullElse(((SMTPTransport) transport).getLastServerResponse(), "").strip();
      return new SendResult.Accepted(mail.messageId(), reply, queueId(reply));
    } catch (MessagingException e) {
      return classify(e);
    } finally {
      if (transport != null) {
        try {
          transport.close();
        } catch (MessagingException ignored) {
          // The mail's fate was decided by the end-of-data reply; a failed QUIT changes nothing.
        }
      }
    }
  }

  /** The MIME message exactly as it would go on the wire (package-private for tests). */
  MimeMessage message(OutgoingMail mail, InternetAddress to) {
    try {
      MimeMessage m = new FixedIdMessage(session, mail.messageId());
      m.setFrom(from);
      m.setRecipient(Message.RecipientType.TO, to);
      m.setSubject(FeedText.header(mail.subject()), "UTF-8");
      m.setSentDate(Date.from(clock.instant()));
      for (Map.Entry<String, String> h : mail.headers().entrySet()) {
        String value = MimeUtility.encodeText(FeedText.header(h.getValue()), "UTF-8", "Q");
        m.setHeader(h.getKey(), MimeUtility.fold(h.getKey().length() + 2, value));
      }
      MimeMultipart alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(part(mail.text(), "plain"));
      alternative.addBodyPart(part(mail.html(), "html"));
      m.setContent(alternative);
      m.saveChanges();
      return m;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException("mail: could not build the message " + mail.messageId() + ": " + e.getMessage(), e);
    }
  }

  private static MimeBodyPart part(String body, String subtype) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(crlf(body), "UTF-8", subtype);
    part.setHeader("Content-Transfer-Encoding", "quoted-printable");
    return part;
  }

  /** Every line ends in CRLF; no bare CR or LF and no NUL survives (SMTP smuggling, reliability E13). */
  static String crlf(String body) {
    String lf = body.replace("\u0000", "").replace("\r\n", "\n").replace('\r', '\n');
    return lf.replace("\n", "\r\n");
  }

  private SendResult classify(MessagingException e) {
    String where = config.host() + ":" + config.port();
    if (e instanceof AuthenticationFailedException) {
      return new SendResult.Misconfigured("mail: " + where + " refused the login for " + config.username().orElse("(no user)")
          + " (" + reply(e) + "); check smtp.username and smtp.password");
    }
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = e; t != null && seen.add(t); t = next(t)) chain.add(t);
    // A refused MAIL FROM arrives as an SMTPSendFailedException whose next exception names the sender: look deep first.
    for (Throwable t : chain) {
      if (t instanceof SMTPSenderFailedException s) {
        if (s.getReturnCode() / 100 == 5) {
          return new SendResult.Misconfigured("mail: " + where + " refused the sender " + from.getAddress() + " ("
              + reply(s) + "); check smtp.from");
        }
        return byCode(where, s.getReturnCode(), reply(s));
      }
    }
    for (Throwable t : chain) {
      if (t instanceof SMTPAddressFailedException a) return byCode(where, a.getReturnCode(), reply(a));
    }
    for (Throwable t : chain) {
      if (t instanceof SMTPSendFailedException s) return byCode(where, s.getReturnCode(), reply(s));
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MailConnectException || t instanceof IOException) {
        return new SendResult.Transient("mail: could not talk to " + where + " (" + reply(t)
            + "); not sent, will retry", Optional.empty());
      }
    }
    String text = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
    if (text.contains("STARTTLS")) {
      return new SendResult.Misconfigured("mail: " + where + " " + text + "; check smtp.starttls");
    }
    return new SendResult.Transient("mail: " + where + " failed: " + text + "; not sent, will retry", Optional.empty());
  }

  private static SendResult byCode(String where, int code, String reply) {
    if (code / 100 == 4) {
      return new SendResult.Transient("mail: " + where + " answered " + reply + "; will retry later", Optional.of(code));
    }
    if (code / 100 == 5) {
      if (reply.contains("5.2.2")) {
        return new SendResult.Transient("mail: " + where + " answered " + reply
            + " (mailbox full: a soft bounce); will retry later", Optional.of(code));
      }
      return new SendResult.Permanent("mail: " + where + " answered " + reply + "; do not retry, suppress this recipient",
          Optional.of(code));
    }
    return new SendResult.Transient("mail: the connection to " + where + " was lost before the relay accepted the mail ("
        + reply + "); treat as not sent and retry (reliability E8)", code > 0 ? Optional.of(code) : Optional.empty());
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null) return m.getNextException();
    return t.getCause();
  }

  private static String reply(Throwable t) {
    return FeedText.line(Objects.requireNonNullElse(t.getMessage(), t.getClass().getSimpleName()));
  }

  private static Optional<String> queueId(String reply) {
    Matcher m = QUEUE_ID.matcher(reply);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static InternetAddress parseRecipient(String raw) throws AddressException {
    String s = raw.strip();
    if (!PRINTABLE_ADDRESS.matcher(s).matches()) {
      throw new AddressException("only a bare ASCII address is accepted", s);
    }
    InternetAddress a = new InternetAddress(s, true);
    a.validate();
    return a;
  }

  private static InternetAddress parseFrom(String raw) {
    try {
      InternetAddress parsed = new InternetAddress(FeedText.header(raw), true);
      parsed.validate();
      if (!PRINTABLE_ADDRESS.matcher(parsed.getAddress()).matches()) throw new AddressException("not ASCII", raw);
      return parsed.getPersonal() == null
          ? new InternetAddress(parsed.getAddress())
          : new InternetAddress(parsed.getAddress(), FeedText.header(parsed.getPersonal()), "UTF-8");
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new IllegalArgumentException("mail: smtp.from '" + FeedText.line(raw) + "' is not an email address (" + e.getMessage()
          + "); use e.g. Podinsights <digest@example.com>", e);
    }
  }

  /** Keeps the caller's Message-ID: Jakarta Mail would otherwise replace it on every save. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
