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
 * worker keeps one {@link Recognizer} for all its chunks (a fresh one per chunk measured 2-2.5x slower: its lazily
 * composed decoding graph starts cold), finalised after every chunk.
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
    Recognizer rec = newRecognizer();
    return new Worker() {
      private long fed;

      @Override
      public ChunkResult recognize(AudioChunk chunk) {
        // Listen to the lead first so the speaker adaptation is warm at the chunk's start; drop the lead's words
        // (the cut lies in a pause, so a word belongs to the side its middle is on). The recognizer's times run on
        // across chunks, so they are made relative to what this worker has fed it before.
        short[] lead = chunk.lead();
        double base = fed / (double) AudioDecoder.SAMPLE_RATE;
        double leadSeconds = lead.length / (double) AudioDecoder.SAMPLE_RATE;
        List<Word> heard = new ArrayList<>();
        feed(rec, lead, heard);
        feed(rec, chunk.samples(), heard);
        heard.addAll(parse(rec.getFinalResult()));
        fed += lead.length + chunk.samples().length;
        double offset = chunk.startSeconds() - leadSeconds;
        List<Word> words = heard.stream()
            .map(w -> new Word(Math.max(0, w.start() - base), Math.max(0, w.end() - base), w.text(), w.confidence()))
            .filter(w -> (w.start() + w.end()) / 2 >= leadSeconds)
            .map(w -> new Word(Math.max(leadSeconds, w.start()) + offset, w.end() + offset, w.text(), w.confidence()))
            .toList();
        return new ChunkResult(chunk.index(), chunk.startSample(), chunk.samples().length, words, List.of());
      }

      @Override
      public void close() {
        rec.close();
      }
    };
  }

  private static void feed(Recognizer rec, short[] samples, List<Word> out) {
    short[] block = new short[BLOCK];
    for (int off = 0; off < samples.length; off += BLOCK) {
      int n = Math.min(BLOCK, samples.length - off);
      System.arraycopy(samples, off, block, 0, n);
      if (rec.acceptWaveForm(block, n)) out.addAll(parse(rec.getResult()));
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
