package io.podinsights.digest;

/** Sends one email and says what became of it; the seam between SMTP and any future HTTP mail API. */
public interface Mailer {
  SendResult send(OutgoingMail mail);
}
