package io.podinsights.digest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A one-connection SMTP server on 127.0.0.1 that answers from a script, to provoke the relay replies GreenMail never
 * gives: a 550 to RCPT, a 554 or 552 5.2.2 after DATA, a dropped connection before the final 250.
 */
final class ScriptedSmtpServer implements AutoCloseable {

  /**
   * The greeting and the replies to MAIL, RCPT and end-of-data; an empty end-of-data reply means: close the socket
   * instead; an empty greeting means: accept the connection and say nothing until the client gives up.
   */
  record Script(Optional<String> greeting, String mailReply, String rcptReply, Optional<String> endOfDataReply) {
    Script(String mailReply, String rcptReply, Optional<String> endOfDataReply) {
      this(Optional.of("220 stub.example ESMTP scripted"), mailReply, rcptReply, endOfDataReply);
    }

    static Script accepting(String endOfDataReply) {
      return new Script("250 2.1.0 Ok", "250 2.1.5 Ok", Optional.of(endOfDataReply));
    }

    static Script greetingOnly(String greeting) {
      return new Script(Optional.of(greeting), "250 Ok", "250 Ok", Optional.of("250 Ok"));
    }

    static Script silent() {
      return new Script(Optional.empty(), "250 Ok", "250 Ok", Optional.of("250 Ok"));
    }
  }

  private final ServerSocket server;
  private final Script script;
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final Thread thread;

  ScriptedSmtpServer(Script script) throws IOException {
    this.script = script;
    this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    this.thread = Thread.ofVirtual().start(this::serveOne);
  }

  int port() {
    return server.getLocalPort();
  }

  /** The commands the client sent, in order (DATA content not included). */
  List<String> commands() {
    return List.copyOf(commands);
  }

  private void serveOne() {
    try (Socket s = server.accept()) {
      var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      OutputStream out = s.getOutputStream();
      if (script.greeting().isEmpty()) {
        in.read(); // blocks until the client times out and closes
        return;
      }
      say(out, script.greeting().get());
      String line;
      while ((line = in.readLine()) != null) {
        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        commands.add(verb);
        switch (verb) {
          case "EHLO" -> say(out, "250-stub.example\r\n250 8BITMIME");
          case "HELO" -> say(out, "250 stub.example");
          case "MAIL" -> say(out, script.mailReply());
          case "RCPT" -> say(out, script.rcptReply());
          case "DATA" -> {
            say(out, "354 End data with <CR><LF>.<CR><LF>");
            while ((line = in.readLine()) != null && !line.equals(".")) {
              // the message body; not needed
            }
            if (script.endOfDataReply().isEmpty()) return;
            say(out, script.endOfDataReply().get());
          }
          case "QUIT" -> {
            say(out, "221 2.0.0 Bye");
            return;
          }
          default -> say(out, "250 2.0.0 Ok");
        }
      }
    } catch (IOException e) {
      // The client hung up; the test reads the outcome from the mailer.
    }
  }

  private static void say(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    server.close();
    thread.join();
  }
}
