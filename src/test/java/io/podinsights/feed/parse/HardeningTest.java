package io.podinsights.feed.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entity-expansion and external-entity attacks never expand or open anything. Each attack has a positive control: the
 * JDK's StAX parser with its default settings does expand or read the same input, so the test can fail.
 */
class HardeningTest {
  @TempDir Path tmp;

  /** All character data of a document, as a default or hardened StAX reader delivers it. */
  private static String text(XMLInputFactory f, String xml) throws XMLStreamException {
    XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
    StringBuilder sb = new StringBuilder();
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) sb.append(r.getText());
    }
    return sb.toString();
  }

  private static String fixture(String name) {
    return new String(Fixtures.bytes(name), StandardCharsets.UTF_8);
  }

  @Test
  void positive_control_a_default_stax_parser_expands_nested_entities() throws Exception {
    String expanded = text(XMLInputFactory.newDefaultFactory(), fixture("small-laughs.rss"));
    assertThat(expanded).isEqualTo("lol".repeat(100));
  }

  @Test
  void the_hardened_reader_never_expands_entities_even_without_the_doctype_filter() {
    XMLInputFactory hardened = FeedParser.hardenedFactory();
    for (String name : new String[] {"small-laughs.rss", "billion-laughs.rss"}) {
      String laughs = fixture(name);
      try {
        assertThat(text(hardened, laughs)).doesNotContain("lol");
      } catch (XMLStreamException refused) {
        assertThat(refused.getMessage()).doesNotContain("lollol");
      }
    }
  }

  @Test
  void refuses_billion_laughs_at_once_without_expanding() {
    byte[] body = Fixtures.bytes("billion-laughs.rss");
    FeedParser parser = new FeedParser(Fixtures.CLOCK);
    assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
        assertThatThrownBy(() -> parser.parse(FeedInput.of(body, Fixtures.FEED_URL)))
            .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.kind()).isEqualTo(FeedParseException.Kind.UNSAFE_DTD))
            .hasMessageContaining("declares entities in its DOCTYPE"));
  }

  private String xxe(Path secret) {
    return "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>";
  }

  @Test
  void positive_control_a_default_stax_parser_reads_an_external_entity_file() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-MARKER");
    assertThat(text(XMLInputFactory.newDefaultFactory(), xxe(secret))).contains("TOP-SECRET-MARKER");
  }

  @Test
  void never_reads_an_external_entity_file() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-MARKER");
    String doc = xxe(secret);
    try {
      assertThat(text(FeedParser.hardenedFactory(), doc)).doesNotContain("TOP-SECRET-MARKER");
    } catch (XMLStreamException refused) {
      assertThat(refused.getMessage()).doesNotContain("TOP-SECRET-MARKER");
    }
    assertThatThrownBy(() -> new FeedParser(Fixtures.CLOCK).parse(
        FeedInput.of(doc.getBytes(StandardCharsets.UTF_8), Fixtures.FEED_URL)))
        .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.kind()).isEqualTo(FeedParseException.Kind.UNSAFE_DTD))
        .hasMessageNotContaining("TOP-SECRET-MARKER");
  }

  @Test
  void never_reads_etc_passwd() {
    String doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        + "<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>";
    assertThatThrownBy(() -> new FeedParser(Fixtures.CLOCK).parse(
        FeedInput.of(doc.getBytes(StandardCharsets.UTF_8), Fixtures.FEED_URL)))
        .isInstanceOf(FeedParseException.class)
        .hasMessageNotContaining("root:");
  }

  @Test
  void never_loads_an_external_dtd() throws Exception {
    Path dtd = Files.writeString(tmp.resolve("evil.dtd"), "<!ENTITY marker \"DTD-WAS-LOADED\">");
    String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"" + dtd.toUri() + "\">\n"
        + "<rss version=\"2.0\"><channel><title>A &marker; B</title></channel></rss>";
    // Positive control: the default parser loads the DTD and expands the entity it declares.
    assertThat(text(XMLInputFactory.newDefaultFactory(), doc)).contains("DTD-WAS-LOADED");
    ParsedFeed f = new FeedParser(Fixtures.CLOCK).parse(FeedInput.of(doc.getBytes(StandardCharsets.UTF_8), Fixtures.FEED_URL));
    assertThat(f.show().title()).isEqualTo("A &marker; B").doesNotContain("DTD-WAS-LOADED");
    assertThat(f.recoveries()).anyMatch(r -> r.contains("removed DOCTYPE rss"));
  }
}
