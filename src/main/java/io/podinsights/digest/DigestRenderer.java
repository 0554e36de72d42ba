package io.podinsights.digest;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders a {@code Digest} as plain text and as an HTML email (table layout, inline CSS, 600 px wide). Every value
 * from a feed is cleaned to one line and HTML-escaped; only absolute http(s) URLs become links, anything else is
 * shown as text. Templates live in {@code templates/email/}.
 */
public final class DigestRenderer {

  static final int TEXT_WIDTH = 72;
  private static final DateTimeFormatter SUBJECT_DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  private static final String SANS = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

  private final RenderConfig config;
  private final Template page = Template.load("digest.html");
  private final Template item = Template.load("digest-item.html");
  private final Template empty = Template.load("digest-empty.html");

  public DigestRenderer(RenderConfig config) {
    this.config = Objects.requireNonNull(config, "digest: render config");
  }

  public RenderedDigest render(Digest digest, FooterLinks footer) {
    return new RenderedDigest(digest, subject(digest), text(digest, footer), html(digest, footer));
  }

  /** "Your podcast insights for Mon 23 Nov": built from the date only, so no feed text can reach the header. */
  public String subject(Digest digest) {
    return config.subjectPrefix() + " " + SUBJECT_DATE.format(digest.date());
  }

  public String text(Digest digest, FooterLinks footer) {
    StringBuilder out = new StringBuilder();
    out.append(subject(digest)).append('\n');
    out.append(summary(digest)).append("\n\n");
    if (digest.isEmpty()) {
      out.append("No new insights today. Nothing new from your shows since the last digest;\n")
          .append("we will look again tomorrow.\n");
    }
    int n = 1;
    for (DigestItem it : digest.items()) {
      String number = n++ + ". ";
      String indent = " ".repeat(number.length());
      out.append(wrap(FeedText.line(it.insight()), number, indent));
      String meta = String.join(" · ", metaParts(it));
      if (!meta.isEmpty()) out.append(wrap(meta, indent, indent));
      String listen = "Listen at " + ClockTime.format(it.at()) + ": ";
      out.append(indent).append(listen).append(FeedText.link(it.momentUrl()).orElse(FeedText.line(it.momentUrl()))).append('\n');
      it.episodePageUrl().ifPresent(url ->
          out.append(indent).append("Episode page: ").append(FeedText.link(url).orElse(FeedText.line(url))).append('\n'));
      for (DigestItem.Source also : it.alsoSaidIn()) {
        out.append(wrap("Also said in " + sourceName(also) + ", at " + ClockTime.format(also.at()) + ": "
            + FeedText.link(also.momentUrl()).orElse(FeedText.line(also.momentUrl())), indent, indent));
      }
      out.append(wrap(provenanceText(it), indent, indent));
      out.append('\n');
    }
    out.append("-- \n");
    out.append("You get this digest because you follow these shows in podinsights.\n");
    footer.unsubscribeUrl().ifPresent(u -> out.append("Unsubscribe: ").append(FeedText.link(u).orElse(FeedText.line(u))).append('\n'));
    footer.preferencesUrl().ifPresent(u -> out.append("Preferences: ").append(FeedText.link(u).orElse(FeedText.line(u))).append('\n'));
    return out.toString();
  }

  public String html(Digest digest, FooterLinks footer) {
    StringBuilder content = new StringBuilder();
    if (digest.isEmpty()) {
      content.append(empty.fill(Map.of()));
    }
    int n = 1;
    for (DigestItem it : digest.items()) {
      Map<String, String> v = new LinkedHashMap<>();
      v.put("number", "Insight " + n++);
      v.put("badge", it.aiWritten()
          ? "&nbsp;&nbsp;<span style=\"display:inline-block;padding:1px 8px;border-radius:9px;background-color:#ece4f6;"
              + "color:#5f3a94;font-size:10px;line-height:16px;letter-spacing:1px;\">AI-written</span>"
          : "");
      v.put("insight", FeedText.html(it.insight()));
      v.put("meta", metaHtml(it));
      v.put("also", alsoHtml(it));
      v.put("actions", actionsHtml(it));
      v.put("provenance", FeedText.escape(provenanceText(it)));
      content.append(item.fill(v));
    }
    Map<String, String> v = new LinkedHashMap<>();
    v.put("title", FeedText.escape(subject(digest)));
    v.put("preheader", FeedText.escape(preheader(digest)));
    v.put("heading", FeedText.escape(config.heading()));
    v.put("summary", FeedText.escape(summary(digest)));
    v.put("content", content.toString());
    v.put("footer", footerHtml(footer));
    return page.fill(v);
  }

  private static String summary(Digest digest) {
    String date = LONG_DATE.format(digest.date());
    if (digest.isEmpty()) return date;
    int items = digest.items().size();
    long shows = digest.showCount();
    return date + " · " + items + (items == 1 ? " insight" : " insights") + " from " + shows
        + (shows == 1 ? " show" : " shows");
  }

  private static String preheader(Digest digest) {
    if (digest.isEmpty()) return "No new insights today";
    String first = FeedText.line(digest.items().getFirst().insight());
    return first.length() <= 110 ? first : first.substring(0, first.offsetByCodePoints(0, 107)) + "...";
  }

  private static List<String> metaParts(DigestItem it) {
    List<String> parts = new ArrayList<>();
    for (String s : List.of(it.show(), it.episode(), it.speaker().orElse(""))) {
      String clean = FeedText.line(s);
      if (!clean.isEmpty()) parts.add(clean);
    }
    return parts;
  }

  private static String metaHtml(DigestItem it) {
    List<String> parts = new ArrayList<>();
    String show = FeedText.line(it.show());
    if (!show.isEmpty()) parts.add("<strong style=\"color:#2f2b25;font-weight:600;\">" + FeedText.escape(show) + "</strong>");
    String episode = FeedText.line(it.episode());
    if (!episode.isEmpty()) parts.add(FeedText.escape(episode));
    it.speaker().map(FeedText::line).filter(s -> !s.isEmpty()).ifPresent(s -> parts.add(FeedText.escape(s)));
    return String.join(" &middot; ", parts);
  }

  private static String sourceName(DigestItem.Source source) {
    return String.join(" · ", java.util.stream.Stream.of(source.show(), source.episode())
        .map(FeedText::line).filter(x -> !x.isEmpty()).toList());
  }

  /** "Also said in" links for an insight merged from several episodes; empty for one said once. */
  private static String alsoHtml(DigestItem it) {
    if (it.alsoSaidIn().isEmpty()) return "";
    List<String> links = new ArrayList<>();
    for (DigestItem.Source also : it.alsoSaidIn()) {
      String label = FeedText.escape(sourceName(also) + ", at " + ClockTime.format(also.at()));
      links.add(FeedText.link(also.momentUrl())
          .map(u -> "<a href=\"" + FeedText.escape(u) + "\" style=\"color:#1f5c57;text-decoration:underline;\">"
              + label + "</a>")
          .orElse(label));
    }
    return "<p style=\"margin:-8px 0 20px 0;font-size:13px;line-height:20px;color:#6b655b;\">Also said in "
        + String.join("; ", links) + "</p>";
  }

  private static String actionsHtml(DigestItem it) {
    String label = "Listen at " + ClockTime.format(it.at());
    StringBuilder out = new StringBuilder();
    Optional<String> moment = FeedText.link(it.momentUrl());
    if (moment.isPresent()) {
      out.append("<td style=\"background-color:#1f5c57;border-radius:8px;\"><a href=\"")
          .append(FeedText.escape(moment.get()))
          .append("\" style=\"display:inline-block;padding:11px 18px;font-family:").append(SANS)
          .append(";font-size:14px;line-height:18px;font-weight:600;color:#ffffff;text-decoration:none;"
              + "border-radius:8px;\">&#9654;&nbsp; ")
          .append(label).append("</a></td>");
    } else {
      out.append("<td style=\"border:1px solid #d9d3c7;border-radius:8px;padding:10px 16px;font-family:").append(SANS)
          .append(";font-size:14px;line-height:18px;color:#6b655b;\">").append(label).append(" &middot; ")
          .append(FeedText.html(it.momentUrl())).append("</td>");
    }
    it.episodePageUrl().ifPresent(raw -> {
      out.append("<td style=\"padding-left:20px;font-family:").append(SANS).append(";font-size:14px;line-height:18px;\">");
      Optional<String> page = FeedText.link(raw);
      if (page.isPresent()) {
        out.append("<a href=\"").append(FeedText.escape(page.get()))
            .append("\" style=\"color:#1f5c57;font-weight:600;text-decoration:underline;\">Episode page</a>");
      } else {
        out.append("<span style=\"color:#6b655b;\">Episode page: ").append(FeedText.html(raw)).append("</span>");
      }
      out.append("</td>");
    });
    return out.toString();
  }

  private static String provenanceText(DigestItem it) {
    String source = FeedText.line(it.provenance());
    String from = source.isEmpty() ? "" : "From a " + source + ".";
    if (!it.aiWritten()) return from;
    String ai = "AI-written: a language model wrote this from the transcript; listen to the moment to check it.";
    return from.isEmpty() ? ai : from + " " + ai;
  }

  private static String footerHtml(FooterLinks footer) {
    StringBuilder out = new StringBuilder("You get this digest because you follow these shows in podinsights.");
    List<String> links = new ArrayList<>();
    footer.unsubscribeUrl().ifPresent(u -> links.add(footerLink("Unsubscribe", u)));
    footer.preferencesUrl().ifPresent(u -> links.add(footerLink("Preferences", u)));
    if (!links.isEmpty()) out.append("<br>").append(String.join(" &middot; ", links));
    return out.toString();
  }

  private static String footerLink(String label, String raw) {
    return FeedText.link(raw)
        .map(u -> "<a href=\"" + FeedText.escape(u) + "\" style=\"color:#6b655b;text-decoration:underline;\">" + label + "</a>")
        .orElse(label + ": " + FeedText.html(raw));
  }

  /** Word-wraps one paragraph to {@link #TEXT_WIDTH}; a word longer than the line (a URL) stays whole. */
  static String wrap(String text, String firstPrefix, String restPrefix) {
    if (text.isEmpty()) return "";
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(firstPrefix);
    int prefixLength = firstPrefix.length();
    for (String word : text.split(" ")) {
      if (line.length() > prefixLength && line.length() + 1 + word.length() > TEXT_WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder(restPrefix);
        prefixLength = restPrefix.length();
      }
      if (line.length() > prefixLength) line.append(' ');
      line.append(word);
    }
    return out.append(line).append('\n').toString();
  }
}
