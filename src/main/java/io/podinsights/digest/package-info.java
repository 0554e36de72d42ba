/**
 * Step 5: turns ranked insights into a {@code Digest}, renders it as plain text and HTML email, writes copies to
 * disk, and sends it through a {@code Mailer} (SMTP via Angus Mail). Everything from feeds is escaped here; nothing
 * from a feed reaches a mail header. Imports {@code podcast}, {@code transcript}, {@code insight}, the JDK and
 * jakarta.mail; never {@code storage}, {@code jobs}, {@code web} or {@code cli} (the pipeline loads, saves and
 * records what was sent).
 */
package io.podinsights.digest;
