package io.podinsights.pipeline;

import java.util.List;

/** Every stage run of one processing round. */
public record ProcessReport(List<StageEvent> events) {
  public ProcessReport {
    events = List.copyOf(events);
  }

  public long count(StageEvent.Result result) {
    return events.stream().filter(e -> e.result() == result).count();
  }
}
