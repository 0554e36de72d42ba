package io.podinsights.insight.llm;

import io.podinsights.insight.Insight;
import io.podinsights.transcript.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The versioned rewrite prompt (text in {@code rewrite-prompt-v1.txt} next to this class) and how a batch of
 * candidates with their context is written into it. Change the text only together with {@link #VERSION}: cached
 * answers are keyed by it.
 */
final class RewritePrompt {

  static final String VERSION = "rewrite-v1";
  private static final String RESOURCE = "rewrite-prompt-v1.txt";

  /** One candidate as sent: its number in the answer, the mined insight, and the transcript around it. */
  record Block(int id, Insight candidate, List<Segment> context, int firstSegment) {
    Block {
      context = List.copyOf(context);
    }

    String render() {
      StringBuilder sb = new StringBuilder();
      sb.append("<candidate id=\"").append(id).append("\">\n");
      sb.append("Mined insight: ").append(oneLine(candidate.text())).append('\n');
      if (!candidate.quote().isBlank() && !candidate.quote().strip().equals(candidate.text().strip())) {
        sb.append("Mined quote: ").append(oneLine(candidate.quote())).append('\n');
      }
      sb.append("Context:\n");
      for (Segment s : context) {
        sb.append('[').append(clock(s.start())).append("] ").append(s.speaker().orElse("speaker")).append(": ")
            .append(oneLine(s.text())).append('\n');
      }
      return sb.append("</candidate>\n").toString();
    }
  }

  private final String system;
  private final String userTemplate;

  private RewritePrompt(String system, String userTemplate) {
    this.system = system;
    this.userTemplate = userTemplate;
  }

  static RewritePrompt load() {
    try (InputStream in = RewritePrompt.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("insight-llm: prompt resource " + RESOURCE + " is missing from the build");
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int sys = text.indexOf("### system\n");
      int user = text.indexOf("### user\n");
      if (sys < 0 || user < sys) {
        throw new IllegalStateException("insight-llm: prompt " + RESOURCE + " needs '### system' then '### user' sections");
      }
      return new RewritePrompt(
          text.substring(sys + "### system\n".length(), user).strip(), text.substring(user + "### user\n".length()).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("insight-llm: cannot read prompt " + RESOURCE, e);
    }
  }

  String system() {
    return system;
  }

  String user(List<Block> blocks) {
    StringBuilder candidates = new StringBuilder();
    for (Block b : blocks) candidates.append(b.render()).append('\n');
    return userTemplate.replace("{{count}}", Integer.toString(blocks.size()))
        .replace("{{candidates}}", candidates.toString().strip());
  }

  /** Tokens the instructions take before any candidate (about 4 characters a token). */
  int overheadTokens() {
    return Tokens.estimate(system) + Tokens.estimate(userTemplate);
  }

  /** {@code m:ss} under an hour, {@code h:mm:ss} from then on: the labels the model is asked to repeat. */
  static String clock(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
