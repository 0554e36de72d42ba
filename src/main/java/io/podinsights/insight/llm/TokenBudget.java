package io.podinsights.insight.llm;

import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Tokens the model may use per calendar day (in {@code zone}), shared by every writer in the process. Calls are
 * admitted on an estimate and charged with the provider's reported usage. Kept in memory: a restart starts the day
 * afresh (the lead may persist it later).
 */
public final class TokenBudget {

  /** Whether a call may go ahead, and the figures behind the answer. */
  public record Admission(boolean admitted, LocalDate day, long budget, long used, long needed) {}

  private final long dailyTokens;
  private final InstantSource clock;
  private final ZoneId zone;
  private LocalDate day;
  private long used;

  public TokenBudget(long dailyTokens, InstantSource clock, ZoneId zone) {
    if (dailyTokens < 0) throw new IllegalArgumentException("insight-llm: negative daily token budget " + dailyTokens);
    this.dailyTokens = dailyTokens;
    this.clock = Objects.requireNonNull(clock, "insight-llm: clock");
    this.zone = Objects.requireNonNull(zone, "insight-llm: zone");
    this.day = today();
  }

  /** Admits a call expected to use {@code estimatedTokens} if today's remaining budget covers it. */
  public synchronized Admission admit(long estimatedTokens) {
    roll();
    return new Admission(used + estimatedTokens <= dailyTokens, day, dailyTokens, used, estimatedTokens);
  }

  /** Charges tokens actually used (prompt + completion) to today. */
  public synchronized void charge(long tokens) {
    if (tokens < 0) throw new IllegalArgumentException("insight-llm: negative token charge " + tokens);
    roll();
    used += tokens;
  }

  public synchronized long usedToday() {
    roll();
    return used;
  }

  public synchronized long remainingToday() {
    roll();
    return Math.max(0, dailyTokens - used);
  }

  private void roll() {
    LocalDate now = today();
    if (!now.equals(day)) {
      day = now;
      used = 0;
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }
}
