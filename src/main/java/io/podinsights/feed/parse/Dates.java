package io.podinsights.feed.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads feed dates: RFC 822 with the usual deviations (named zones, no seconds, two-digit years, missing or wrong day
 * names) and ISO 8601 (with or without zone, date only). A date without a zone is taken as UTC.
 */
final class Dates {
  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?\\s*(Z|z|UTC|GMT|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})?");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.\\d+)?)?(.*)");
  private static final Pattern OFFSET = Pattern.compile("(?:GMT|UTC|UT)?([+-])(\\d{1,2}):?(\\d{2})?");
  private static final Map<String, Integer> ZONES_MINUTES = Map.ofEntries(
      Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("WET", 0),
      Map.entry("EST", -300), Map.entry("EDT", -240), Map.entry("CST", -360), Map.entry("CDT", -300),
      Map.entry("MST", -420), Map.entry("MDT", -360), Map.entry("PST", -480), Map.entry("PDT", -420),
      Map.entry("AKST", -540), Map.entry("AKDT", -480), Map.entry("HST", -600), Map.entry("AST", -240),
      Map.entry("ADT", -180), Map.entry("NST", -210), Map.entry("NDT", -150), Map.entry("BST", 60),
      Map.entry("IST", 60), Map.entry("WEST", 60), Map.entry("CET", 60), Map.entry("MET", 60), Map.entry("CEST", 120),
      Map.entry("MEST", 120), Map.entry("EET", 120), Map.entry("EEST", 180), Map.entry("MSK", 180),
      Map.entry("JST", 540), Map.entry("KST", 540), Map.entry("HKT", 480), Map.entry("SGT", 480),
      Map.entry("AWST", 480), Map.entry("ACST", 570), Map.entry("ACDT", 630), Map.entry("AEST", 600),
      Map.entry("AEDT", 660), Map.entry("NZST", 720), Map.entry("NZDT", 780));
  private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

  private Dates() {}

  static Optional<Instant> parse(String raw) {
    if (raw == null) return Optional.empty();
    String s = raw.strip();
    if (s.isEmpty() || s.length() > 64) return Optional.empty();
    try {
      if (s.length() >= 8 && Character.isDigit(s.charAt(0)) && s.charAt(4) == '-') return iso(s);
      return rfc822(s);
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> iso(String s) {
    Matcher m = ISO.matcher(s);
    if (!m.lookingAt()) return Optional.empty();
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (m.group(4) == null) return Optional.of(LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC));
    int hour = Integer.parseInt(m.group(4));
    int minute = Integer.parseInt(m.group(5));
    int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
    int nanos = 0;
    if (m.group(7) != null) nanos = Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
    ZoneOffset offset = m.group(8) == null ? ZoneOffset.UTC : offset(m.group(8)).orElse(ZoneOffset.UTC);
    LocalDateTime local = LocalDateTime.of(year, month, day, 0, 0).plusHours(hour).plusMinutes(minute).plusSeconds(second).plusNanos(nanos);
    return Optional.of(OffsetDateTime.of(local, offset).toInstant());
  }

  private static Optional<ZoneOffset> offset(String zone) {
    String z = zone.strip().toUpperCase(Locale.ROOT);
    if (z.isEmpty()) return Optional.of(ZoneOffset.UTC);
    Integer named = ZONES_MINUTES.get(z);
    if (named != null) return Optional.of(ZoneOffset.ofTotalSeconds(named * 60));
    Matcher m = OFFSET.matcher(z);
    if (m.matches()) {
      int h = Integer.parseInt(m.group(2));
      int min = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      // "+100" style (three digits) means +01:00.
      if (m.group(3) == null && m.group(2).length() > 2) return Optional.empty();
      if (h > 18 || min > 59) return Optional.empty();
      int total = (h * 60 + min) * ("-".equals(m.group(1)) ? -1 : 1);
      return Optional.of(ZoneOffset.ofTotalSeconds(total * 60));
    }
    if (z.matches("[+-]\\d{3,4}")) {
      int v = Integer.parseInt(z.substring(1));
      int total = (v / 100 * 60 + v % 100) * (z.charAt(0) == '-' ? -1 : 1);
      return Optional.of(ZoneOffset.ofTotalSeconds(total * 60));
    }
    if (z.length() == 1 && Character.isLetter(z.charAt(0))) return Optional.of(ZoneOffset.UTC);
    return Optional.empty();
  }

  private static Optional<Instant> rfc822(String s) {
    String[] tokens = s.replace(',', ' ').trim().split("\\s+");
    int day = -1;
    int month = -1;
    int year = -1;
    int yearDigits = 4;
    int hour = 0;
    int minute = 0;
    int second = 0;
    ZoneOffset zone = null;
    for (String t : tokens) {
      if (t.isEmpty()) continue;
      Matcher tm = TIME.matcher(t);
      if (tm.matches() && zone == null && !t.startsWith("+") && !t.startsWith("-")) {
        hour = Integer.parseInt(tm.group(1));
        minute = Integer.parseInt(tm.group(2));
        second = tm.group(3) == null ? 0 : Integer.parseInt(tm.group(3));
        if (!tm.group(4).isEmpty()) zone = offset(tm.group(4)).orElse(null);
        continue;
      }
      char c0 = t.charAt(0);
      if (Character.isDigit(c0)) {
        if (!t.chars().allMatch(Character::isDigit)) {
          // "10-Jun-2003" style
          String[] dash = t.split("[-/]");
          if (dash.length == 3) {
            day = Integer.parseInt(dash[0]);
            month = monthOf(dash[1]);
            year = Integer.parseInt(dash[2]);
            yearDigits = dash[2].length();
            continue;
          }
          return Optional.empty();
        }
        if (t.length() == 4 || (day >= 0 && year < 0 && month >= 0)) {
          year = Integer.parseInt(t);
          yearDigits = t.length();
        } else if (day < 0) {
          day = Integer.parseInt(t);
        } else if (year < 0) {
          year = Integer.parseInt(t);
          yearDigits = t.length();
        }
        continue;
      }
      if (c0 == '+' || c0 == '-') {
        zone = offset(t).orElse(zone);
        continue;
      }
      int m = monthOf(t);
      if (m > 0 && month < 0) {
        month = m;
        continue;
      }
      Optional<ZoneOffset> z = offset(t.replace("(", "").replace(")", ""));
      if (z.isPresent() && zone == null && (day >= 0 || year >= 0)) zone = z.get();
      // Anything else (day names, "at", unknown words) is ignored.
    }
    if (day < 1 || month < 1 || year < 0) return Optional.empty();
    if (yearDigits <= 2) year += year < 50 ? 2000 : 1900;
    else if (yearDigits == 3) year += 1900;
    LocalDateTime local = LocalDateTime.of(year, month, day, 0, 0).plusHours(Math.min(hour, 24)).plusMinutes(minute).plusSeconds(second);
    return Optional.of(OffsetDateTime.of(local, zone == null ? ZoneOffset.UTC : zone).toInstant());
  }

  private static int monthOf(String t) {
    if (t.length() < 3) return -1;
    String p = t.substring(0, 3).toLowerCase(Locale.ROOT);
    for (int i = 0; i < 12; i++) {
      if (MONTHS[i].equals(p)) return i + 1;
    }
    return -1;
  }
}
