package io.podinsights.feed.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client every outbound request of podinsights goes through: checks the address actually dialled at every
 * hop, follows redirects by hand, decodes with caps, enforces deadlines and per-host limits; blocking, meant for
 * virtual threads. Never retries on its own, except that {@link #download} resumes a broken transfer.
 */
public final class GuardedHttpClient implements AutoCloseable {
  private static final String FEED_ENCODINGS = "gzip, deflate";
  private static final int BUFFER = 64 * 1024;

  private final FetchPolicy policy;
  private final InstantSource clock;
  private final CloseableHttpClient http;
  private final ScheduledExecutorService watchdog;
  private final ConcurrentHashMap<String, HostSlots> perHost = new ConcurrentHashMap<>();

  public GuardedHttpClient(FetchPolicy policy, InstantSource clock) {
    this(policy, clock, DefaultClientTlsStrategy.createDefault()); // the JDK trust store; verifies host names
  }

  /** For tests only: trust the given context (a self-signed loopback server) instead of the JDK trust store. */
  GuardedHttpClient(FetchPolicy policy, InstantSource clock, javax.net.ssl.SSLContext trust) {
    this(policy, clock, new DefaultClientTlsStrategy(trust));
  }

  private GuardedHttpClient(FetchPolicy policy, InstantSource clock, TlsSocketStrategy tlsStrategy) {
    this.policy = policy;
    this.clock = clock;
    var tls = RegistryBuilder.<TlsSocketStrategy>create().register("https", tlsStrategy).build();
    var operator = new DefaultHttpClientConnectionOperator(
        proxy -> new GuardedSocket(policy.addresses(), proxy), DefaultSchemePortResolver.INSTANCE,
        SystemDefaultDnsResolver.INSTANCE, tls);
    var connections = new PoolingHttpClientConnectionManager(operator, PoolConcurrencyPolicy.STRICT,
        PoolReusePolicy.LIFO, TimeValue.ofMinutes(1), ManagedHttpClientConnectionFactory.INSTANCE);
    connections.setDefaultMaxPerRoute(policy.perHostLimit());
    connections.setMaxTotal(Math.max(64, policy.perHostLimit() * 16));
    connections.setDefaultConnectionConfig(ConnectionConfig.custom()
        .setConnectTimeout(Timeout.of(policy.connectTimeout()))
        .setSocketTimeout(Timeout.of(policy.readTimeout()))
        .setTimeToLive(TimeValue.ofMinutes(5))
        .build());
    this.http = HttpClients.custom()
        .setConnectionManager(connections)
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAutomaticRetries()
        .disableContentCompression()
        .disableAuthCaching()
        .setDefaultRequestConfig(RequestConfig.custom()
            .setRedirectsEnabled(false)
            .setAuthenticationEnabled(false)
            .setExpectContinueEnabled(false)
            .setProtocolUpgradeEnabled(false)
            .setHardCancellationEnabled(true)
            .setConnectionRequestTimeout(Timeout.of(policy.totalTimeout()))
            .setResponseTimeout(Timeout.of(policy.readTimeout()))
            .build())
        .build();
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "fetch-deadline");
      t.setDaemon(true);
      return t;
    });
  }

  /** A client with the policy's settings and the system clock (Retry-After dates are measured against it). */
  public GuardedHttpClient(FetchPolicy policy) {
    this(policy, InstantSource.system());
  }

  public FetchPolicy policy() {
    return policy;
  }

  /** One conditional GET of a feed, transcript or OPML document, bounded by the policy's total deadline. */
  public FetchResult fetch(FetchRequest req) {
    Deadline deadline = Deadline.after(policy.totalTimeout());
    Open open;
    try {
      open = follow(req.url(), deadline, get -> {
        get.setHeader("Accept", req.accept());
        get.setHeader("Accept-Encoding", FEED_ENCODINGS);
        req.etag().ifPresent(e -> get.setHeader("If-None-Match", e));
        req.lastModified().ifPresent(m -> get.setHeader("If-Modified-Since", m));
      });
    } catch (Failure f) {
      return new FetchResult.Failed(req.url(), f.error);
    }
    try (open) {
      ClassicHttpResponse r = open.response;
      int status = r.getCode();
      Optional<String> etag = header(r, "ETag");
      Optional<String> lastModified = header(r, "Last-Modified");
      Freshness freshness = new Freshness(ResponseHeaders.maxAge(header(r, "Cache-Control")),
          header(r, "Expires").flatMap(ResponseHeaders::httpDate));
      boolean expiresZero = header(r, "Expires").map(v -> v.trim().equals("0")).orElse(false);
      if (status == 304) {
        open.discard();
        return new FetchResult.NotModified(req.url(), open.url, open.chain, etag.or(req::etag),
            lastModified.or(req::lastModified), freshness);
      }
      if (status >= 200 && status < 300) {
        if (etag.isPresent() && etag.equals(req.etag()) && !expiresZero) {
          open.discard(); // same representation: do not even read the body
          return new FetchResult.NotModified(req.url(), open.url, open.chain, etag, lastModified, freshness);
        }
        byte[] body = readBody(open, req.maxBytes(), deadline);
        return new FetchResult.Fetched(req.url(), open.url, open.chain, body, header(r, "Content-Type"), etag,
            lastModified, freshness);
      }
      open.discard(); // error bodies are never read or decoded
      return new FetchResult.Failed(req.url(), statusError(open.url, r));
    } catch (Failure f) {
      return new FetchResult.Failed(req.url(), f.error);
    } catch (IOException e) {
      return new FetchResult.Failed(req.url(), ioError(open.url, e, open.watch.fired() || deadline.expired()));
    }
  }

  /**
   * Streams a media file to {@code req.target()} (via a ".part" sibling), with Accept-Encoding: identity, the size
   * cap, and resume by Range + If-Range after a broken connection; a 200 answer to a Range request restarts from zero.
   * Gives up after {@code downloadTries} attempts and deletes the partial file.
   */
  public DownloadResult download(DownloadRequest req, ProgressListener listener) {
    Path part = req.target().resolveSibling(req.target().getFileName() + ".part");
    long have = 0;
    Optional<String> validator = Optional.empty();
    FetchError last = FetchError.of(FetchError.Kind.NETWORK, "fetch: " + safe(req.url()) + " was not attempted");
    int attempt = 0;
    while (attempt < policy.downloadTries()) {
      attempt++;
      Deadline deadline = Deadline.after(policy.downloadTimeout());
      long offset = validator.isPresent() ? have : 0;
      Optional<String> ifRange = validator;
      Open open;
      try {
        open = follow(req.url(), deadline, get -> {
          get.setHeader("Accept", "*/*");
          get.setHeader("Accept-Encoding", "identity");
          if (offset > 0) {
            get.setHeader("Range", "bytes=" + offset + "-");
            get.setHeader("If-Range", ifRange.orElseThrow());
          }
        });
      } catch (Failure f) {
        last = f.error;
        if (f.error.kind() == FetchError.Kind.TIMEOUT || f.error.kind() == FetchError.Kind.NETWORK) continue;
        return giveUp(req, part, f.error, attempt);
      }
      try (open) {
        ClassicHttpResponse r = open.response;
        int status = r.getCode();
        long start;
        OptionalLong total;
        if (status == 206 && offset > 0) {
          Optional<long[]> range = header(r, "Content-Range").flatMap(GuardedHttpClient::contentRange);
          if (range.isEmpty() || range.get()[0] != offset) {
            open.discard();
            have = 0;
            validator = Optional.empty(); // the server answered a range we did not ask for: restart from zero
            last = FetchError.of(FetchError.Kind.BAD_RESPONSE, "fetch: " + safe(open.url) + " answered a wrong range");
            continue;
          }
          start = offset;
          total = range.get()[1] >= 0 ? OptionalLong.of(range.get()[1]) : OptionalLong.empty();
        } else if (status >= 200 && status < 300) {
          start = 0; // a full answer (also the answer to a failed If-Range): restart, never splice
          long length = r.getEntity() == null ? -1 : r.getEntity().getContentLength();
          total = length >= 0 ? OptionalLong.of(length) : OptionalLong.empty();
        } else {
          open.discard();
          return giveUp(req, part, statusError(open.url, r), attempt);
        }
        Optional<String> encoding = header(r, "Content-Encoding").filter(e -> !e.isBlank() && !e.equalsIgnoreCase("identity"));
        if (encoding.isPresent()) {
          open.discard();
          return giveUp(req, part, FetchError.of(FetchError.Kind.BAD_RESPONSE, "fetch: " + safe(open.url)
              + " sent media with Content-Encoding " + encoding.get() + " although identity was asked; refusing to store it"), attempt);
        }
        if (total.isPresent() && total.getAsLong() > req.maxBytes()) {
          open.discard();
          return giveUp(req, part, tooLarge(open.url, req.maxBytes(), "declares " + total.getAsLong() + " bytes, over the cap"), attempt);
        }
        validator = header(r, "ETag").filter(e -> !e.startsWith("W/")).or(() -> header(r, "Last-Modified"));
        have = start;
        try {
          have = stream(open, part, start, req.maxBytes(), total, deadline, listener);
        } catch (LocalWriteFailure w) {
          open.discard();
          return giveUp(req, part, FetchError.of(FetchError.Kind.LOCAL_IO, "fetch: could not write " + part + ": "
              + w.getCause().getMessage() + "; free disk space or fix permissions, then retry"), attempt);
        } catch (Failure f) {
          open.discard();
          return giveUp(req, part, f.error, attempt);
        } catch (IOException e) {
          open.discard();
          have = sizeOf(part);
          last = ioError(open.url, e, open.watch.fired() || deadline.expired());
          continue; // broken connection: resume on the next attempt
        }
        if (total.isPresent() && have < total.getAsLong()) {
          last = FetchError.of(FetchError.Kind.NETWORK, "fetch: " + safe(open.url) + " ended after " + have + " of "
              + total.getAsLong() + " bytes");
          continue;
        }
        try {
          Files.move(part, req.target(), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          return giveUp(req, part, FetchError.of(FetchError.Kind.LOCAL_IO, "fetch: could not move " + part + " to "
              + req.target() + ": " + e.getMessage()), attempt);
        }
        return new DownloadResult.Downloaded(req.url(), open.url, req.target(), have, header(r, "Content-Type"), attempt);
      }
    }
    return giveUp(req, part, new FetchError(last.kind(), last.message() + " (gave up after " + attempt + " tries)",
        last.status(), last.retryAfter()), attempt);
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    try {
      http.close();
    } catch (IOException e) {
      // closing pooled sockets: nothing left to do
    }
  }

  // ---- redirects, one hop at a time -------------------------------------------------------------------------------

  private Open follow(URI start, Deadline deadline, java.util.function.Consumer<HttpGet> headers) throws Failure {
    URI current = start;
    boolean permanent = true;
    for (int hop = 0; ; hop++) {
      Optional<String> refusal = TargetCheck.refusal(current, policy.addresses());
      if (refusal.isPresent()) throw new Failure(refused(current, refusal.get()));
      Permit permit = acquire(current, deadline);
      HttpGet get = new HttpGet(current);
      get.setHeader("User-Agent", policy.userAgent());
      headers.accept(get);
      if (hop > 0) get.removeHeaders("Authorization");
      Watch watch = Watch.start(watchdog, get, deadline);
      ClassicHttpResponse response;
      try {
        response = http.executeOpen(null, get, HttpClientContext.create());
      } catch (IOException e) {
        watch.stop();
        permit.release();
        throw new Failure(ioError(current, e, watch.fired() || deadline.expired()));
      }
      Open open = new Open(get, response, permit, watch, current,
          hop == 0 ? RedirectChain.NONE : permanent ? RedirectChain.PERMANENT : RedirectChain.TEMPORARY);
      int status = response.getCode();
      boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
      Optional<String> location = header(response, "Location");
      if (!redirect || location.isEmpty()) return open;
      open.discard(); // a redirect's body is never read, let alone decoded
      open.close();
      if (hop >= policy.maxRedirects()) {
        throw new Failure(FetchError.of(FetchError.Kind.TOO_MANY_REDIRECTS, "fetch: " + safe(start)
            + " redirected more than " + policy.maxRedirects() + " times (last hop " + safe(current)
            + "); check the feed URL"));
      }
      URI next = resolve(current, location.get());
      if (current.getScheme().equalsIgnoreCase("https") && "http".equalsIgnoreCase(next.getScheme())) {
        throw new Failure(refused(current, "redirect to " + safe(next) + " would downgrade https to http"));
      }
      permanent &= status == 301 || status == 308;
      current = next;
    }
  }

  private static URI resolve(URI base, String location) throws Failure {
    try {
      return base.resolve(new URI(location.trim().replace(" ", "%20")));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new Failure(FetchError.of(FetchError.Kind.BAD_RESPONSE, "fetch: " + safe(base)
          + " redirected to an invalid URL"));
    }
  }

  private Permit acquire(URI url, Deadline deadline) throws Failure {
    String host = url.getHost().toLowerCase(Locale.ROOT);
    // users is counted inside the map's atomic compute, so an entry disappears exactly when nobody holds or waits
    HostSlots slots = perHost.compute(host, (h, v) -> (v == null ? new HostSlots(policy.perHostLimit()) : v).join());
    Permit permit = new Permit(() -> {
      slots.semaphore.release();
      perHost.computeIfPresent(host, (h, v) -> v.leave());
    });
    try {
      if (!slots.semaphore.tryAcquire(deadline.remainingNanos(), TimeUnit.NANOSECONDS)) {
        perHost.computeIfPresent(host, (h, v) -> v.leave());
        throw new Failure(FetchError.of(FetchError.Kind.TIMEOUT, "fetch: " + safe(url) + " waited past the deadline for "
            + "one of the " + policy.perHostLimit() + " request slots of host " + host));
      }
    } catch (InterruptedException e) {
      perHost.computeIfPresent(host, (h, v) -> v.leave());
      Thread.currentThread().interrupt();
      throw new Failure(FetchError.of(FetchError.Kind.TIMEOUT, "fetch: " + safe(url) + " was interrupted"));
    }
    return permit;
  }

  /** Number of hosts with a request running or waiting (the per-host table never outgrows the work in flight). */
  int hostsInFlight() {
    return perHost.size();
  }

  // ---- bodies ----------------------------------------------------------------------------------------------------

  private byte[] readBody(Open open, long maxBytes, Deadline deadline) throws IOException, Failure {
    HttpEntity entity = open.response.getEntity();
    if (entity == null) return new byte[0];
    long declared = entity.getContentLength();
    List<String> encodings = new ArrayList<>();
    for (Header h : open.response.getHeaders("Content-Encoding")) {
      for (String e : h.getValue().split(",")) {
        String name = e.trim().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !name.equals("identity")) encodings.add(name);
      }
    }
    if (encodings.size() > policy.maxContentEncodings()) {
      open.discard();
      throw new Failure(FetchError.of(FetchError.Kind.BAD_RESPONSE, "fetch: " + safe(open.url) + " stacks "
          + encodings.size() + " content encodings (" + String.join(", ", encodings) + "); at most "
          + policy.maxContentEncodings() + " are decoded"));
    }
    // Compressed bodies may be a little larger than what they decode to; the cap that matters is on decoded bytes.
    long rawCap = encodings.isEmpty() ? maxBytes : maxBytes + maxBytes / 16 + 64 * 1024;
    if (declared > rawCap) {
      open.discard();
      throw new Failure(tooLarge(open.url, maxBytes, "declares Content-Length " + declared + ", over the cap"));
    }
    CountingInput raw = new CountingInput(entity.getContent(), rawCap);
    InputStream in = raw;
    try {
      for (int i = encodings.size() - 1; i >= 0; i--) in = decoder(encodings.get(i), in, open.url);
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 8192), 1 << 20));
      byte[] buf = new byte[BUFFER];
      long total = 0;
      int n;
      while ((n = in.read(buf)) != -1) {
        total += n;
        if (total > maxBytes) throw new Failure(tooLarge(open.url, maxBytes, "decodes to more than the cap"));
        if (deadline.expired()) throw new Failure(timeout(open.url));
        out.write(buf, 0, n);
      }
      if (raw.atEof()) open.reusable = true;
      return out.toByteArray();
    } catch (CountingInput.OverCap e) {
      throw new Failure(tooLarge(open.url, maxBytes, "sends more than the cap"));
    } catch (ZipException e) {
      throw new Failure(FetchError.of(FetchError.Kind.BAD_RESPONSE, "fetch: " + safe(open.url)
          + " sent a corrupt compressed body: " + e.getMessage()));
    } finally {
      if (!open.reusable) open.discard();
      closeQuietly(in);
    }
  }

  private static InputStream decoder(String encoding, InputStream in, URI url) throws IOException, Failure {
    return switch (encoding) {
      case "gzip", "x-gzip" -> new GZIPInputStream(in, 8192);
      case "deflate" -> {
        // "deflate" should be zlib-wrapped, but some servers send raw DEFLATE: look at the header to tell.
        var peek = new java.io.PushbackInputStream(in, 2);
        int b0 = peek.read();
        int b1 = peek.read();
        if (b1 != -1) peek.unread(b1);
        if (b0 != -1) peek.unread(b0);
        boolean zlib = b0 != -1 && b1 != -1 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
        yield new InflaterInputStream(peek, new Inflater(!zlib), 8192) {
          @Override
          public void close() throws IOException {
            try {
              super.close();
            } finally {
              inf.end(); // our own Inflater: free its native memory
            }
          }
        };
      }
      default -> throw new Failure(FetchError.of(FetchError.Kind.BAD_RESPONSE, "fetch: " + safe(url)
          + " sent Content-Encoding " + encoding + ", which podinsights does not decode"));
    };
  }

  private long stream(Open open, Path part, long start, long maxBytes, OptionalLong total, Deadline deadline,
      ProgressListener listener) throws IOException, Failure, LocalWriteFailure {
    HttpEntity entity = open.response.getEntity();
    long have = start;
    OutputStream out;
    try {
      out = start > 0
          ? Files.newOutputStream(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
          : Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new LocalWriteFailure(e);
    }
    try {
      listener.progress(have, total);
      if (entity == null) return have;
      InputStream in = entity.getContent();
      byte[] buf = new byte[BUFFER];
      int n;
      while ((n = in.read(buf)) != -1) {
        if (have + n > maxBytes) throw new Failure(tooLarge(open.url, maxBytes, "streams more than the cap"));
        if (deadline.expired()) throw new Failure(timeout(open.url));
        try {
          out.write(buf, 0, n);
        } catch (IOException e) {
          throw new LocalWriteFailure(e);
        }
        have += n;
        listener.progress(have, total);
      }
      open.reusable = true;
    } finally {
      try {
        out.close();
      } catch (IOException e) {
        throw new LocalWriteFailure(e); // a flush on close can hit a full disk too
      }
    }
    return have;
  }

  private DownloadResult giveUp(DownloadRequest req, Path part, FetchError error, int attempts) {
    try {
      Files.deleteIfExists(part);
    } catch (IOException e) {
      // the failure below is what the caller needs; a leftover .part is overwritten by the next try
    }
    return new DownloadResult.DownloadFailed(req.url(), error, attempts);
  }

  private static long sizeOf(Path p) {
    try {
      return Files.exists(p) ? Files.size(p) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** {@code bytes first-last/total} as {first, total}; total is -1 for "*". */
  static Optional<long[]> contentRange(String value) {
    var m = java.util.regex.Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)").matcher(value.trim());
    if (!m.matches()) return Optional.empty();
    long first = Long.parseLong(m.group(1));
    long total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
    return Optional.of(new long[] {first, total});
  }

  // ---- errors ----------------------------------------------------------------------------------------------------

  private FetchError statusError(URI url, ClassicHttpResponse r) {
    int status = r.getCode();
    String reason = Optional.ofNullable(r.getReasonPhrase()).filter(s -> !s.isBlank())
        .orElseGet(() -> Optional.ofNullable(EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH)).orElse(""));
    String answered = "fetch: " + safe(url) + " answered " + status + (reason.isEmpty() ? "" : " " + reason);
    Optional<Integer> code = Optional.of(status);
    if (status == 410) {
      return new FetchError(FetchError.Kind.GONE, answered + "; the feed is gone, polling stops", code, Optional.empty());
    }
    Optional<Duration> retryAfter = ResponseHeaders.retryAfter(header(r, "Retry-After"), clock.instant());
    if (status == 429 || (status == 503 && retryAfter.isPresent())) {
      return new FetchError(FetchError.Kind.RATE_LIMITED, answered + retryAfter
          .map(d -> "; retry after " + d.toSeconds() + " s").orElse("; no usable Retry-After, normal backoff applies"),
          code, retryAfter);
    }
    if (status == 403 && header(r, "cf-mitigated").map(v -> v.equalsIgnoreCase("challenge")).orElse(false)) {
      return new FetchError(FetchError.Kind.BOT_CHALLENGE, answered + " with an anti-bot challenge page; the feed is "
          + "not broken, but the host blocks robots", code, Optional.empty());
    }
    if (status >= 300 && status < 400) {
      return new FetchError(FetchError.Kind.HTTP_STATUS, answered + " without a Location header", code, Optional.empty());
    }
    return new FetchError(FetchError.Kind.HTTP_STATUS, answered + "; will retry later", code, Optional.empty());
  }

  private FetchError ioError(URI url, IOException e, boolean deadlineFired) {
    String u = safe(url);
    DestinationRefusedException refused = causeOf(e, DestinationRefusedException.class);
    if (refused != null) return refused(url, refused.getMessage());
    if (deadlineFired) return timeout(url);
    if (causeOf(e, SocketTimeoutException.class) != null) {
      return FetchError.of(FetchError.Kind.TIMEOUT, "fetch: " + u + " sent nothing for "
          + policy.readTimeout().toSeconds() + " s (read timeout)");
    }
    if (causeOf(e, UnknownHostException.class) != null) {
      return FetchError.of(FetchError.Kind.NETWORK, "fetch: " + u + ": host " + url.getHost() + " not found; check the URL");
    }
    if (causeOf(e, ConnectException.class) != null || causeOf(e, NoRouteToHostException.class) != null) {
      return FetchError.of(FetchError.Kind.NETWORK, "fetch: " + u + ": could not connect (" + e.getMessage() + ")");
    }
    if (causeOf(e, SSLException.class) != null) {
      return FetchError.of(FetchError.Kind.TLS, "fetch: " + u + ": TLS failed (" + e.getMessage()
          + "); the certificate is not trusted or the handshake broke");
    }
    if (e instanceof InterruptedIOException) return timeout(url);
    return FetchError.of(FetchError.Kind.NETWORK, "fetch: " + u + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  private FetchError timeout(URI url) {
    return FetchError.of(FetchError.Kind.TIMEOUT, "fetch: " + safe(url) + " did not finish within the deadline; "
        + "connection closed, will retry later");
  }

  private static FetchError refused(URI url, String reason) {
    return FetchError.of(FetchError.Kind.REFUSED, "fetch: " + safe(url) + " refused: " + reason);
  }

  private static FetchError tooLarge(URI url, long cap, String what) {
    return FetchError.of(FetchError.Kind.TOO_LARGE, "fetch: " + safe(url) + " " + what + " of " + cap
        + " bytes; stopped");
  }

  private static <T extends Throwable> T causeOf(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) return type.cast(c);
    }
    return null;
  }

  private static String safe(URI url) {
    return UrlRedactor.redact(url);
  }

  private static Optional<String> header(ClassicHttpResponse r, String name) {
    Header h = r.getFirstHeader(name);
    return h == null ? Optional.empty() : Optional.ofNullable(h.getValue()).map(String::trim);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // the connection is already discarded or drained
    }
  }

  // ---- small internals -------------------------------------------------------------------------------------------

  /** A failure already turned into data. */
  private static final class Failure extends Exception {
    final FetchError error;

    Failure(FetchError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }
  }

  /** Writing to the local file failed: reported, never retried. */
  private static final class LocalWriteFailure extends Exception {
    LocalWriteFailure(IOException cause) {
      super(cause);
    }
  }

  /** A monotonic deadline. */
  private record Deadline(long endNanos) {
    static Deadline after(Duration d) {
      return new Deadline(System.nanoTime() + d.toNanos());
    }

    long remainingNanos() {
      return Math.max(0, endNanos - System.nanoTime());
    }

    boolean expired() {
      return System.nanoTime() - endNanos >= 0;
    }
  }

  /** Cancels (hard-closes) a request at its deadline, so a server trickling one byte at a time cannot hold it. */
  private static final class Watch {
    private final AtomicBoolean fired = new AtomicBoolean();
    private volatile ScheduledFuture<?> task;

    static Watch start(ScheduledExecutorService watchdog, HttpGet get, Deadline deadline) {
      Watch w = new Watch();
      w.task = watchdog.schedule(() -> {
        w.fired.set(true);
        get.cancel();
      }, deadline.remainingNanos(), TimeUnit.NANOSECONDS);
      return w;
    }

    boolean fired() {
      return fired.get();
    }

    void stop() {
      task.cancel(false);
    }
  }

  /** The request slots of one host and how many requests hold or wait for them. */
  private static final class HostSlots {
    final Semaphore semaphore;
    private int users; // only touched inside ConcurrentHashMap.compute, which serialises per key

    HostSlots(int limit) {
      this.semaphore = new Semaphore(limit, true);
    }

    HostSlots join() {
      users++;
      return this;
    }

    HostSlots leave() {
      return --users == 0 ? null : this;
    }
  }

  /** One held request slot of a host; releasing twice is harmless. */
  private static final class Permit {
    private final Runnable onRelease;
    private final AtomicBoolean released = new AtomicBoolean();

    Permit(Runnable onRelease) {
      this.onRelease = onRelease;
    }

    void release() {
      if (released.compareAndSet(false, true)) onRelease.run();
    }
  }

  /** An open response of the last hop; closing it releases the host slot and (unless fully read) drops the socket. */
  private static final class Open implements AutoCloseable {
    final HttpGet get;
    final ClassicHttpResponse response;
    final Permit permit;
    final Watch watch;
    final URI url;
    final RedirectChain chain;
    boolean reusable;

    Open(HttpGet get, ClassicHttpResponse response, Permit permit, Watch watch, URI url, RedirectChain chain) {
      this.get = get;
      this.response = response;
      this.permit = permit;
      this.watch = watch;
      this.url = url;
      this.chain = chain;
    }

    /** Hard-closes the connection so that closing never drains an unread (possibly endless) body. */
    void discard() {
      reusable = false;
      get.cancel();
    }

    @Override
    public void close() {
      watch.stop();
      if (!reusable) get.cancel();
      closeQuietly(response);
      permit.release();
    }
  }

  /** Counts raw (still encoded) bytes and refuses more than the cap, so a compressed stream cannot be endless. */
  private static final class CountingInput extends java.io.FilterInputStream {
    static final class OverCap extends IOException {}

    private final long cap;
    private long count;
    private boolean eof;

    CountingInput(InputStream in, long cap) {
      super(in);
      this.cap = cap;
    }

    boolean atEof() {
      return eof;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b == -1) eof = true;
      else if (++count > cap) throw new OverCap();
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n == -1) eof = true;
      else if ((count += n) > cap) throw new OverCap();
      return n;
    }
  }

  /** The SSRF gate: every socket the client opens checks the address it is about to dial, at every hop. */
  static final class GuardedSocket extends Socket {
    private final AddressPolicy addresses;

    GuardedSocket(AddressPolicy addresses, Proxy proxy) throws IOException {
      super(Proxy.NO_PROXY);
      if (proxy != null && proxy.type() != Proxy.Type.DIRECT) {
        throw new DestinationRefusedException("proxies are not supported by the guarded client");
      }
      this.addresses = addresses;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (!(endpoint instanceof InetSocketAddress isa) || isa.isUnresolved()) {
        closeQuietly(this);
        throw new DestinationRefusedException("only resolved IP addresses are dialled");
      }
      Optional<String> refusal = addresses.refusal(isa.getAddress(), isa.getPort());
      if (refusal.isPresent()) {
        closeQuietly(this);
        throw new DestinationRefusedException(refusal.get());
      }
      super.connect(endpoint, timeout);
    }
  }
}
