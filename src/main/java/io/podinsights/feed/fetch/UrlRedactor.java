package io.podinsights.feed.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Makes a URL safe to show in logs, errors and the UI: token-like query values and user info become "***" (F15). */
public final class UrlRedactor {
  private static final Pattern SECRET_NAME = Pattern.compile(
      ".*(token|key|secret|auth|sig|pass|session|sid|code|hash|credential|jwt|private|uid|user|id)$");
  private static final Pattern RANDOM_LOOKING = Pattern.compile("[A-Za-z0-9_\\-.~%+/=]{16,}");

  private UrlRedactor() {}

  /** {@code url} with secret-looking query values and any user info replaced by "***". */
  public static String redact(URI url) {
    String s = url.toString();
    String userInfo = url.getRawUserInfo();
    if (userInfo != null) s = s.replace(userInfo + "@", "***@");
    String query = url.getRawQuery();
    if (query == null) return s;
    StringBuilder out = new StringBuilder();
    for (String pair : query.split("&", -1)) {
      if (!out.isEmpty()) out.append('&');
      int eq = pair.indexOf('=');
      if (eq < 0) {
        out.append(RANDOM_LOOKING.matcher(pair).matches() ? "***" : pair);
        continue;
      }
      String name = pair.substring(0, eq);
      String value = pair.substring(eq + 1);
      boolean secret = SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()
          || (RANDOM_LOOKING.matcher(value).matches() && value.chars().anyMatch(Character::isDigit));
      out.append(name).append('=').append(secret && !value.isEmpty() ? "***" : value);
    }
    int q = s.indexOf('?');
    int hash = s.indexOf('#', q);
    return s.substring(0, q + 1) + out + (hash >= 0 ? s.substring(hash) : "");
  }
}
