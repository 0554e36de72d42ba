package io.podinsights.digest;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the SMTP relay. {@code from} is an address, optionally with a display name ("Podinsights
 * &lt;digest@example.com&gt;"). Defaults: port 587, STARTTLS required, 10 s connect, 30 s read and write timeouts.
 * Implicit TLS (port 465, SMTPS) is not supported.
 */
public record SmtpConfig(
    String host,
    int port,
    Optional<String> username,
    Optional<String> password,
    String from,
    StartTls startTls,
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout) {

  /** Whether to upgrade the connection with STARTTLS: never, when offered, or always (fail if not offered). */
  public enum StartTls { NONE, OPTIONAL, REQUIRED }

  public SmtpConfig {
    if (host == null || host.isBlank()) throw new IllegalArgumentException("mail: smtp.host is empty; set it to your relay's host name");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("mail: smtp.port " + port + " is not a TCP port");
    Objects.requireNonNull(username, "mail: smtp.username");
    Objects.requireNonNull(password, "mail: smtp.password");
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException("mail: set both smtp.username and smtp.password, or neither");
    }
    if (from == null || from.isBlank()) throw new IllegalArgumentException("mail: smtp.from is empty; set the sender address");
    Objects.requireNonNull(startTls, "mail: smtp.starttls");
    for (Duration d : new Duration[] {connectTimeout, readTimeout, writeTimeout}) {
      if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException("mail: SMTP timeouts must be positive");
    }
  }

  /** A relay with the defaults: port 587, no login, STARTTLS required, 10 s / 30 s / 30 s. */
  public static SmtpConfig of(String host, String from) {
    return new SmtpConfig(host, 587, Optional.empty(), Optional.empty(), from, StartTls.REQUIRED,
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30));
  }

  public SmtpConfig withPort(int newPort) {
    return new SmtpConfig(host, newPort, username, password, from, startTls, connectTimeout, readTimeout, writeTimeout);
  }

  public SmtpConfig withStartTls(StartTls mode) {
    return new SmtpConfig(host, port, username, password, from, mode, connectTimeout, readTimeout, writeTimeout);
  }

  public SmtpConfig withLogin(String user, String secret) {
    return new SmtpConfig(host, port, Optional.of(user), Optional.of(secret), from, startTls, connectTimeout, readTimeout, writeTimeout);
  }

  public SmtpConfig withTimeouts(Duration connect, Duration read, Duration write) {
    return new SmtpConfig(host, port, username, password, from, startTls, connect, read, write);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "SmtpConfig[host=" + host + ", port=" + port + ", username=" + username.orElse("(none)") + ", password="
        + (password.isPresent() ? "(set)" : "(none)") + ", from=" + from + ", startTls=" + startTls + "]";
  }
}
