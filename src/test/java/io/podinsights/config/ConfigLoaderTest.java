package io.podinsights.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaults_give_a_sqlite_file_in_the_data_directory() {
    Config config = Config.defaults();
    assertThat(config.databaseUrl()).startsWith("jdbc:sqlite:").endsWith("data/podinsights.db");
    assertThat(config.get(Keys.DIGEST_SIZE)).isEqualTo(5);
    assertThat(config.origin(Keys.DIGEST_SIZE)).isEqualTo("default");
  }

  @Test
  void file_overrides_defaults_and_environment_overrides_file() throws IOException {
    Path toml = write("podinsights.toml", """
        data-dir = "/tmp/pi"
        [digest]
        time = "06:15"
        size = 3
        [poll]
        interval = "2h"
        """);
    Config config = ConfigLoader.load(new ConfigSource(Optional.of(toml), Map.of("PODINSIGHTS_DIGEST_SIZE", "7")));
    assertThat(config.get(Keys.DIGEST_TIME)).isEqualTo(LocalTime.of(6, 15));
    assertThat(config.get(Keys.POLL_INTERVAL)).isEqualTo(Duration.ofHours(2));
    assertThat(config.get(Keys.DIGEST_SIZE)).isEqualTo(7);
    assertThat(config.origin(Keys.DIGEST_SIZE)).isEqualTo("env PODINSIGHTS_DIGEST_SIZE");
    assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:/tmp/pi/podinsights.db");
  }

  @Test
  void yaml_files_work_too() throws IOException {
    Path yaml = write("podinsights.yaml", "smtp:\n  host: mail.example.com\n  port: 2525\n");
    Config config = ConfigLoader.load(new ConfigSource(Optional.of(yaml), Map.of()));
    assertThat(config.get(Keys.SMTP_HOST)).isEqualTo("mail.example.com");
    assertThat(config.get(Keys.SMTP_PORT)).isEqualTo(2525);
  }

  @Test
  void an_invalid_value_names_the_key_and_where_it_came_from() throws IOException {
    Path toml = write("podinsights.toml", "[digest]\ntime = \"7 o'clock\"\n");
    assertThatThrownBy(() -> ConfigLoader.load(new ConfigSource(Optional.of(toml), Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("digest.time")
        .hasMessageContaining(toml.toString());
    assertThatThrownBy(() -> ConfigLoader.load(new ConfigSource(Optional.empty(), Map.of("PODINSIGHTS_POLL_INTERVAL", "soon"))))
        .hasMessageContaining("poll.interval")
        .hasMessageContaining("PODINSIGHTS_POLL_INTERVAL");
  }

  @Test
  void an_unknown_key_is_refused_with_a_suggestion() throws IOException {
    Path toml = write("podinsights.toml", "[smtp]\nhots = \"x\"\n");
    assertThatThrownBy(() -> ConfigLoader.load(new ConfigSource(Optional.of(toml), Map.of())))
        .hasMessageContaining("unknown key 'smtp.hots'")
        .hasMessageContaining("did you mean smtp.host?");
  }

  @Test
  void sizes_and_durations_read_common_units() {
    assertThat(ConfigKey.parseBytes("20MB")).isEqualTo(20L * 1024 * 1024);
    assertThat(ConfigKey.parseBytes("1GB")).isEqualTo(1L << 30);
    assertThat(ConfigKey.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(ConfigKey.parseDuration("PT1H")).isEqualTo(Duration.ofHours(1));
    assertThat(ConfigKey.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
  }

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }
}
