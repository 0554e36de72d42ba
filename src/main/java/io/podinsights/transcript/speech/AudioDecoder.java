package io.podinsights.transcript.speech;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes any audio file ffmpeg reads (MP3, AAC/M4A, Opus, Vorbis, WAV; any rate, mono or stereo) to 16 kHz mono s16
 * PCM, streamed to a {@link PcmSink} frame by frame so an episode never sits whole in the heap. Classifies unreadable
 * input (empty, not audio, unsupported codec) and decodes what it can of a truncated file, saying so in the report.
 */
public final class AudioDecoder {
  public static final int SAMPLE_RATE = 16_000;

  static {
    // Keep ffmpeg's own chatter off stderr; errors surface as exceptions with their text.
    avutil.av_log_set_level(avutil.AV_LOG_QUIET);
  }

  /** Which signal to take from a multi-channel file. */
  public enum Channel { MIX, LEFT, RIGHT }

  /** Below this left/right correlation a stereo file holds different speakers per channel (dual-mono interview). */
  static final double SEPARATE_CHANNELS_BELOW = 0.3;

  /** Decodes {@code file} into {@code sink}, downmixed to mono; throws {@link SpeechException} when nothing decodes. */
  public DecodeReport decode(Path file, PcmSink sink) {
    return decode(file, Channel.MIX, sink);
  }

  /**
   * True when {@code file} has two channels carrying different signals (correlation below 0.3 over its first minute,
   * both channels audible): a downmix would overlap the speakers, so each channel should be recognised on its own.
   */
  public boolean channelsCarryDifferentSpeakers(Path file) {
    double[] acc = new double[5];
    long[] n = {0};
    long limit = 60L * SAMPLE_RATE;
    final class Enough extends RuntimeException {
      Enough() {
        super(null, null, false, false);
      }
    }
    try {
      decodeChannels(file, 2, (interleaved, count) -> {
        for (int i = 0; i + 1 < count; i += 2) {
          double l = interleaved[i], r = interleaved[i + 1];
          acc[0] += l; acc[1] += r; acc[2] += l * l; acc[3] += r * r; acc[4] += l * r;
          if (++n[0] >= limit) throw new Enough();
        }
      }, Channel.MIX, new ArrayList<>(), true);
    } catch (Enough e) {
      // first minute read
    }
    if (n[0] < SAMPLE_RATE / 2) return false;
    double k = n[0];
    double varL = acc[2] / k - Math.pow(acc[0] / k, 2), varR = acc[3] / k - Math.pow(acc[1] / k, 2);
    if (Math.sqrt(varL) < 100 || Math.sqrt(varR) < 100) return false;
    double corr = (acc[4] / k - (acc[0] / k) * (acc[1] / k)) / Math.sqrt(varL * varR);
    return corr < SEPARATE_CHANNELS_BELOW;
  }

  /** Decodes one channel (or the downmix) of {@code file} into {@code sink}. */
  public DecodeReport decode(Path file, Channel channel, PcmSink sink) {
    List<String> warnings = new ArrayList<>();
    return decodeChannels(file, channel == Channel.MIX ? 1 : 2, sink, channel, warnings, false);
  }

  private DecodeReport decodeChannels(Path file, int channels, PcmSink sink, Channel pick, List<String> warnings,
      boolean raw) {
    String name = String.valueOf(file.getFileName());
    sniff(file, name);
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      grabber.setSampleRate(SAMPLE_RATE);
      grabber.setAudioChannels(channels);
      grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
      try {
        grabber.start();
      } catch (FrameGrabber.Exception e) {
        throw classify(file, name, e);
      }
      if (!grabber.hasAudio() || grabber.getAudioStream() < 0)
        throw new SpeechException(SpeechException.Kind.UNSUPPORTED_CODEC,
            "speech: " + name + " has no audio stream (" + formatOf(grabber) + "); nothing to transcribe");
      AudioInfo info = info(grabber);
      sink.begin(info);
      long samples = 0;
      short[] buf = new short[0];
      while (true) {
        Frame frame;
        try {
          frame = grabber.grabSamples();
        } catch (FrameGrabber.Exception e) {
          warnings.add("decoding stopped at " + clock(samples) + " (" + firstLine(e.getMessage()) + "); kept what came before");
          break;
        }
        if (frame == null) break;
        if (frame.samples == null || frame.samples.length == 0) continue;
        ShortBuffer sb = (ShortBuffer) frame.samples[0];
        int n = sb.remaining();
        if (n == 0) continue;
        if (buf.length < n) buf = new short[n];
        sb.duplicate().get(buf, 0, n);
        if (channels == 2 && !raw) {
          int offset = pick == Channel.RIGHT ? 1 : 0;
          int m = n / 2;
          for (int i = 0; i < m; i++) buf[i] = buf[2 * i + offset];
          n = m;
        }
        sink.accept(buf, n);
        samples += channels == 2 && raw ? n / 2 : n;
      }
      if (samples == 0 && warnings.isEmpty()) warnings.add("no audio samples decoded");
      long decodedMs = samples * 1000 / SAMPLE_RATE;
      if (info.declaredLength().isPresent()) {
        long declaredMs = info.declaredLength().get().toMillis();
        if (declaredMs - decodedMs > Math.max(1000, declaredMs / 50))
          warnings.add("truncated: decoded " + clock(samples) + " of " + clockMs(declaredMs)
              + " the file declares; the download may have been cut off");
      }
      return new DecodeReport(info, samples, warnings);
    } catch (FrameGrabber.Exception e) {
      throw new SpeechException(SpeechException.Kind.UNREADABLE,
          "speech: " + name + " could not be decoded (" + firstLine(e.getMessage()) + ")", e);
    }
  }

  private static AudioInfo info(FFmpegFrameGrabber g) {
    String codec = Optional.ofNullable(g.getAudioCodecName()).orElse("unknown");
    long lengthMicros = g.getLengthInTime();
    Optional<Duration> declared = lengthMicros > 0 ? Optional.of(Duration.ofNanos(lengthMicros * 1000)) : Optional.empty();
    int rate = g.getAudioStream() >= 0 && g.getFormatContext() != null
        ? g.getFormatContext().streams(g.getAudioStream()).codecpar().sample_rate() : 0;
    int channels = g.getAudioStream() >= 0 && g.getFormatContext() != null
        ? g.getFormatContext().streams(g.getAudioStream()).codecpar().ch_layout().nb_channels() : 0;
    return new AudioInfo(codec, rate, channels, declared);
  }

  private static String formatOf(FFmpegFrameGrabber g) {
    String f = g.getFormat();
    return f == null ? "unknown container" : "container " + f;
  }

  /** Rejects files that are clearly not audio before ffmpeg guesses at them. */
  static void sniff(Path file, String name) {
    byte[] head;
    try {
      if (!Files.isRegularFile(file))
        throw new SpeechException(SpeechException.Kind.UNREADABLE, "speech: " + file + " does not exist or is not a file");
      if (Files.size(file) == 0)
        throw new SpeechException(SpeechException.Kind.EMPTY,
            "speech: " + name + " is empty (0 bytes); the download probably failed, fetch it again");
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(1024);
      }
    } catch (IOException e) {
      throw new SpeechException(SpeechException.Kind.UNREADABLE, "speech: cannot read " + file + " (" + e.getMessage() + ")", e);
    }
    String looks = looksLike(head);
    if (looks != null)
      throw new SpeechException(SpeechException.Kind.NOT_AUDIO,
          "speech: " + name + " is not audio (looks like " + looks + "); the enclosure URL probably points at a web page");
  }

  private static String looksLike(byte[] head) {
    String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading()
        .replace("\u00ef\u00bb\u00bf", "").toLowerCase(Locale.ROOT);
    if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.startsWith("<head")
        || (text.startsWith("<") && text.contains("<html"))) return "an HTML page";
    if (text.startsWith("<?xml") || text.startsWith("<rss") || text.startsWith("<feed")) return "an XML document";
    if (text.startsWith("{") || text.startsWith("[")) return "JSON";
    if (text.startsWith("%pdf")) return "a PDF document";
    return null;
  }

  private static SpeechException classify(Path file, String name, FrameGrabber.Exception e) {
    String msg = String.valueOf(e.getMessage());
    Optional<String> undecodable = undecodableAudioCodec(file);
    if (undecodable.isPresent() || msg.contains("avcodec_find_decoder") || msg.contains("codec not found"))
      return new SpeechException(SpeechException.Kind.UNSUPPORTED_CODEC,
          "speech: " + name + " uses an audio codec this ffmpeg build cannot decode ("
              + undecodable.orElse(firstLine(msg)) + "); convert it to MP3, AAC, Opus or WAV", e);
    if (msg.contains("Did not find a video or audio stream"))
      return new SpeechException(SpeechException.Kind.UNSUPPORTED_CODEC,
          "speech: " + name + " has no audio stream ffmpeg can decode; nothing to transcribe", e);
    return new SpeechException(SpeechException.Kind.UNREADABLE,
        "speech: " + name + " is not a format ffmpeg can read (" + firstLine(msg) + "); check that it is an audio file", e);
  }

  /** The name of the first audio stream's codec when ffmpeg has no decoder for it. */
  static Optional<String> undecodableAudioCodec(Path file) {
    AVFormatContext ctx = new AVFormatContext(null);
    if (avformat.avformat_open_input(ctx, file.toString(), null, null) < 0) return Optional.empty();
    try {
      if (avformat.avformat_find_stream_info(ctx, (PointerPointer<?>) null) < 0) return Optional.empty();
      for (int i = 0; i < ctx.nb_streams(); i++) {
        AVCodecParameters par = ctx.streams(i).codecpar();
        if (par.codec_type() == avutil.AVMEDIA_TYPE_AUDIO && avcodec.avcodec_find_decoder(par.codec_id()) == null) {
          return Optional.of("codec " + avcodec.avcodec_get_name(par.codec_id()).getString() + ", tag 0x"
              + Integer.toHexString(par.codec_tag()));
        }
      }
      return Optional.empty();
    } finally {
      avformat.avformat_close_input(ctx);
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "no detail";
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  static String clock(long samples) {
    return clockMs(samples * 1000 / SAMPLE_RATE);
  }

  static String clockMs(long ms) {
    long s = ms / 1000;
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d.%01d", s / 60, s % 60, ms % 1000 / 100);
  }
}
