package io.podinsights.transcript.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * The default engine: Vosk (Kaldi) with word timestamps. One {@link Model} is loaded and shared by all workers; each
 * chunk gets a fresh {@link Recognizer} (a few milliseconds) so a chunk's words never depend on which chunks the same
 * worker saw before: that keeps results identical between a clean run and a resumed one.
 */
public final class VoskEngine implements SpeechEngine {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BLOCK = 4000;

  private final Model model;
  private final String modelName;

  private VoskEngine(Model model, String modelName) {
    this.model = model;
    this.modelName = modelName;
  }

  /** Loads the model in {@code modelDir} (0.7-1.3 s for the bundled one). */
  public static VoskEngine load(Path modelDir, String modelName) {
    try {
      LibVosk.setLogLevel(LogLevel.WARNINGS);
      return new VoskEngine(new Model(modelDir.toString()), modelName);
    } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
      throw new SpeechException(SpeechException.Kind.MODEL, "speech: Vosk could not load the model in " + modelDir + " ("
          + e.getMessage() + "); delete the directory to have it extracted again, or check speech.model-dir", e);
    }
  }

  @Override
  public String name() {
    return "vosk";
  }

  @Override
  public String model() {
    return modelName;
  }

  @Override
  public Worker newWorker() {
    return new Worker() {
      @Override
      public ChunkResult recognize(AudioChunk chunk) {
        // Listen to the lead first so the speaker adaptation is warm at the chunk's start; drop the lead's words
        // (the cut lies in a pause, so a word belongs to the side its middle is on).
        short[] lead = chunk.lead();
        short[] all = new short[lead.length + chunk.samples().length];
        System.arraycopy(lead, 0, all, 0, lead.length);
        System.arraycopy(chunk.samples(), 0, all, lead.length, chunk.samples().length);
        double leadSeconds = lead.length / (double) AudioDecoder.SAMPLE_RATE;
        double offset = chunk.startSeconds() - leadSeconds;
        List<Word> words = recognizeSamples(all, all.length).stream()
            .filter(w -> (w.start() + w.end()) / 2 >= leadSeconds)
            .map(w -> new Word(Math.max(leadSeconds, w.start()) + offset, w.end() + offset, w.text(), w.confidence()))
            .toList();
        return new ChunkResult(chunk.index(), chunk.startSample(), chunk.samples().length, words, List.of());
      }

      @Override
      public void close() {}
    };
  }

  /** Recognises one stretch of PCM with a fresh recognizer; word times are relative to its start. */
  List<Word> recognizeSamples(short[] samples, int count) {
    try (Recognizer rec = newRecognizer()) {
      List<Word> words = new ArrayList<>();
      short[] block = new short[BLOCK];
      for (int off = 0; off < count; off += BLOCK) {
        int n = Math.min(BLOCK, count - off);
        System.arraycopy(samples, off, block, 0, n);
        if (rec.acceptWaveForm(block, n)) words.addAll(parse(rec.getResult()));
      }
      words.addAll(parse(rec.getFinalResult()));
      return words;
    }
  }

  /**
   * The peer our pipeline is measured against: one recognizer fed the whole decoded stream in order, no chunking, no
   * parallelism.
   */
  public List<Word> recognizeSingleStream(Path audio, AudioDecoder decoder) {
    try (Recognizer rec = newRecognizer()) {
      List<Word> words = new ArrayList<>();
      decoder.decode(audio, (samples, count) -> {
        for (int off = 0; off < count; off += BLOCK) {
          int n = Math.min(BLOCK, count - off);
          short[] block = java.util.Arrays.copyOfRange(samples, off, off + n);
          if (rec.acceptWaveForm(block, n)) words.addAll(parse(rec.getResult()));
        }
      });
      words.addAll(parse(rec.getFinalResult()));
      return words;
    }
  }

  private Recognizer newRecognizer() {
    try {
      Recognizer rec = new Recognizer(model, AudioDecoder.SAMPLE_RATE);
      rec.setWords(true);
      return rec;
    } catch (IOException | RuntimeException e) {
      throw new SpeechException(SpeechException.Kind.ENGINE, "speech: Vosk could not create a recognizer (" + e.getMessage()
          + "); the process may be out of native memory", e);
    }
  }

  static List<Word> parse(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      List<Word> out = new ArrayList<>();
      for (JsonNode w : root.path("result")) {
        out.add(new Word(w.path("start").asDouble(), w.path("end").asDouble(), w.path("word").asText(),
            w.path("conf").asDouble(1)));
      }
      return out;
    } catch (IOException e) {
      throw new SpeechException(SpeechException.Kind.ENGINE, "speech: Vosk returned unreadable JSON (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
