package io.podinsights.digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource under {@code templates/email/} with {@code {{name}}} slots, filled in one pass so a value that happens
 * to contain {@code {{...}}} is never expanded. Values must already be escaped for where they land.
 */
final class Template {

  private static final Pattern SLOT = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

  private final String name;
  private final String source;
  private final Set<String> slots = new TreeSet<>();

  private Template(String name, String source) {
    this.name = name;
    this.source = source;
    Matcher m = SLOT.matcher(source);
    while (m.find()) slots.add(m.group(1));
  }

  static Template load(String name) {
    String path = "/templates/email/" + name;
    try (InputStream in = Template.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("digest: template " + path + " is missing from the jar; rebuild");
      return new Template(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("digest: cannot read template " + path, e);
    }
  }

  String fill(Map<String, String> values) {
    if (!values.keySet().equals(slots)) {
      throw new IllegalArgumentException("digest: template " + name + " has slots " + slots + " but got " + new TreeSet<>(values.keySet()));
    }
    Matcher m = SLOT.matcher(source);
    StringBuilder out = new StringBuilder(source.length() * 2);
    while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
    m.appendTail(out);
    return out.toString();
  }
}
