/**
 * Speech-to-text for episodes without a publisher transcript: decode any audio to 16 kHz mono PCM (ffmpeg), split it
 * at silences into chunks, recognise the chunks in parallel with one {@link io.podinsights.transcript.speech.SpeechEngine}
 * (Vosk by default; whisper.cpp or an OpenAI-compatible API when configured), store each finished chunk so a restart
 * resumes, and merge the words into sentence-cased segments. The seam for callers is
 * {@link io.podinsights.transcript.speech.Transcriber}. Imports only {@code io.podinsights.transcript} and
 * {@code io.podinsights.podcast}, plus the ffmpeg, Vosk, whisper-jni and Jackson libraries.
 */
package io.podinsights.transcript.speech;
