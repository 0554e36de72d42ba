package io.podinsights.transcript.speech;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Optional engine: whisper.cpp through io.github.givimad:whisper-jni, with a ggml model file the user supplies
 * ({@code whisper.model-file}). One context is shared; each worker has its own whisper state. Gives punctuated phrases.
 */
public final class WhisperEngine implements SpeechEngine {
  private final WhisperJNI whisper;
  private final WhisperContext context;
  private final String modelName;

  private WhisperEngine(WhisperJNI whisper, WhisperContext context, String modelName) {
    this.whisper = whisper;
    this.context = context;
    this.modelName = modelName;
  }

  /** Checks the model file, loads the native library and the model; a {@link SpeechException} says what is missing. */
  public static WhisperEngine load(Path modelFile) {
    checkModelFile(modelFile);
    try {
      WhisperJNI.loadLibrary();
      WhisperJNI.setLibraryLogger(null);
    } catch (IOException | UnsatisfiedLinkError | RuntimeException e) {
      throw new SpeechException(SpeechException.Kind.ENGINE, "speech: the whisper.cpp native library could not be loaded ("
          + e.getMessage() + "); use speech.engine=vosk on this machine", e);
    }
    WhisperJNI whisper = new WhisperJNI();
    WhisperContext ctx;
    try {
      ctx = whisper.initNoState(modelFile);
    } catch (IOException | RuntimeException e) {
      throw new SpeechException(SpeechException.Kind.MODEL, "speech: whisper could not load " + modelFile + " ("
          + e.getMessage() + "); is it a ggml model file from huggingface.co/ggerganov/whisper.cpp?", e);
    }
    if (ctx == null)
      throw new SpeechException(SpeechException.Kind.MODEL, "speech: whisper could not load " + modelFile
          + "; is it a ggml model file from huggingface.co/ggerganov/whisper.cpp?");
    return new WhisperEngine(whisper, ctx, modelFile.getFileName().toString());
  }

  static void checkModelFile(Path modelFile) {
    if (!Files.isRegularFile(modelFile))
      throw new SpeechException(SpeechException.Kind.MODEL, "speech: the whisper model file " + modelFile
          + " does not exist; download a ggml model (e.g. ggml-base.en.bin from huggingface.co/ggerganov/whisper.cpp)"
          + " and set whisper.model-file to it, or use speech.engine=vosk");
    try {
      if (Files.size(modelFile) < 1024)
        throw new SpeechException(SpeechException.Kind.MODEL, "speech: the whisper model file " + modelFile
            + " is too small to be a model (" + Files.size(modelFile) + " bytes); download it again");
    } catch (IOException e) {
      throw new SpeechException(SpeechException.Kind.MODEL, "speech: cannot read " + modelFile + " (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public String name() {
    return "whisper";
  }

  @Override
  public String model() {
    return modelName;
  }

  @Override
  public Worker newWorker() {
    WhisperState state = whisper.initState(context);
    return new Worker() {
      @Override
      public ChunkResult recognize(AudioChunk chunk) {
        short[] s = chunk.samples();
        float[] f = new float[s.length];
        for (int i = 0; i < s.length; i++) f[i] = s[i] / 32768f;
        WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
        params.nThreads = 1;
        params.language = "en";
        params.printProgress = false;
        params.printRealtime = false;
        params.printTimestamps = false;
        params.printSpecial = false;
        int rc = whisper.fullWithState(context, state, params, f, f.length);
        if (rc != 0) throw new SpeechException(SpeechException.Kind.ENGINE, "speech: whisper failed on chunk " + chunk.index()
            + " (code " + rc + ")");
        List<Phrase> phrases = new ArrayList<>();
        int n = whisper.fullNSegmentsFromState(state);
        for (int i = 0; i < n; i++) {
          double start = whisper.fullGetSegmentTimestamp0FromState(state, i) / 100.0;
          double end = whisper.fullGetSegmentTimestamp1FromState(state, i) / 100.0;
          phrases.add(new Phrase(start, end, whisper.fullGetSegmentTextFromState(state, i)).shifted(chunk.startSeconds()));
        }
        return new ChunkResult(chunk.index(), chunk.startSample(), s.length, List.of(), phrases);
      }

      @Override
      public void close() {
        whisper.free(state);
      }
    };
  }

  @Override
  public void close() {
    whisper.free(context);
  }
}
