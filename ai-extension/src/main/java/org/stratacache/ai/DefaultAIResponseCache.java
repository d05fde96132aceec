package org.stratacache.ai;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.expiry.Ticker;

/**
 * {@link AIResponseCache} over a {@link StrataCache}: each answer is put through a view carrying
 * its operation's expiry policy and tags ({@code ai:op:<op>}, and for a tenant
 * {@code ai:t:<tenant>:op:<op>} and {@code ai:t:<tenant>}), so that invalidating an operation
 * removes exactly the tagged entries.
 */
final class DefaultAIResponseCache implements AIResponseCache, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultAIResponseCache.class);

  private final Shared shared;
  private final String tenant;
  private final String model;

  private DefaultAIResponseCache(Shared shared, String tenant, String model) {
    this.shared = shared;
    this.tenant = tenant;
    this.model = model;
  }

  /** The root view of {@code cache}, registering its statistics in JMX. */
  static DefaultAIResponseCache create(StrataCache<String, AIResponse> cache, AISettings settings) {
    Shared shared = new Shared(cache, settings);
    DefaultAIResponseCache root = new DefaultAIResponseCache(shared, null, settings.defaultModel());
    shared.mbean = AIStatistics.register(cache, new AIStatistics(root::getAiPerformanceSummary));
    return root;
  }

  @Override
  public AIResponse get(AIRequest request) {
    if (request.noStore() || request.refresh()) {
      return null;
    }
    return lookup(timedKey(request), request);
  }

  @Override
  public void put(AIRequest request, AIResponse response) {
    Objects.requireNonNull(response, "response");
    if (!request.noStore()) {
      store(timedKey(request), request, response.withTiming(now(), null));
    }
  }

  @Override
  public AIResponse getOrCompute(AIRequest request, ModelCall call) {
    Objects.requireNonNull(call, "model call");
    if (request.noStore()) {
      return callModel(call, request.operation());
    }
    String key = timedKey(request);
    if (!request.refresh()) {
      AIResponse cached = lookup(key, request);
      if (cached != null) {
        return cached;
      }
    }
    return shared.flights.run(key, () -> {
      AIResponse answer = request.refresh() ? null : fresh(shared.cache.get(key), request);
      if (answer == null) {
        answer = callModel(call, request.operation());
        store(key, request, answer);
      } else {
        shared.metrics.coalesced();  // missed, then overtaken by an identical call that finished meanwhile
      }
      return answer;
    }, shared.metrics::coalesced);
  }

  @Override
  public <C> Flow.Publisher<C> getOrComputeStream(AIRequest request, StreamFormat<C> format,
                                                  StreamingModelCall<C> call) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(call, "model call");
    return subscriber -> {
      Objects.requireNonNull(subscriber, "subscriber");
      String key;
      AIResponse cached;
      try {
        key = request.noStore() ? null : timedKey(request);
        cached = key == null || request.refresh() ? null : lookup(key, request);
      } catch (RuntimeException e) {
        ChunkLog.<C>failed(e).subscribe(subscriber);
        return;
      }
      if (cached != null) {
        ChunkLog.of(format.replay(cached)).subscribe(subscriber);
        return;
      }
      BiConsumer<AIResponse, java.time.Duration> storing = key == null ? null
          : (answer, took) -> store(key, request, answer.withTiming(now(), took));
      shared.streams.subscribe(key, format, call, storing, subscriber, shared.metrics::coalesced);
    };
  }

  @Override
  public String keyFor(AIRequest request) {
    return shared.keys.key(tenant(request), model, request);
  }

  @Override
  public AIResponse getCachedResponse(String text, String operation, Map<String, ?> options) {
    return getCachedResponse(text, operation, options, null);
  }

  @Override
  public AIResponse getCachedResponse(String text, String operation, Map<String, ?> options, String question) {
    return get(request(text, operation, options, question));
  }

  @Override
  public void cacheResponse(String text, String operation, Map<String, ?> options, AIResponse response) {
    cacheResponse(text, operation, options, response, null);
  }

  @Override
  public void cacheResponse(String text, String operation, Map<String, ?> options, AIResponse response,
                            String question) {
    put(request(text, operation, options, question), response);
  }

  @Override
  public AIResponse getOrCompute(String text, String operation, Map<String, ?> options, ModelCall model) {
    return getOrCompute(text, operation, options, null, model);
  }

  @Override
  public AIResponse getOrCompute(String text, String operation, Map<String, ?> options, String question,
                                 ModelCall call) {
    return getOrCompute(request(text, operation, options, question), call);
  }

  private static AIRequest request(String text, String operation, Map<String, ?> options, String question) {
    return AIRequest.builder().text(text).operation(operation).options(options).question(question).build();
  }

  private AIResponse lookup(String key, AIRequest request) {
    AIResponse found = fresh(shared.cache.get(key), request);
    shared.metrics.lookup(request.operation(), shared.settings.tierOf(request.length()), found);
    return found;
  }

  /** {@code found} when the request accepts its age. */
  private AIResponse fresh(AIResponse found, AIRequest request) {
    if (found == null || request.maxAge() == null) {
      return found;
    }
    return found.age(now()).compareTo(request.maxAge()) <= 0 ? found : null;
  }

  private void store(String key, AIRequest request, AIResponse answer) {
    writer(request.operation(), tenant(request), request.ttl()).put(key, answer);
  }

  private Instant now() {
    return Instant.ofEpochMilli(shared.clock.millis());
  }

  private AIResponse callModel(ModelCall call, String operation) {
    long start = System.nanoTime();
    AIResponse answer;
    try {
      answer = call.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelCallException("Interrupted while calling the model for " + operation, e);
    } catch (Exception e) {
      throw new ModelCallException("The model call for " + operation + " failed: " + e.getMessage(), e);
    }
    if (answer == null) {
      throw new ModelCallException("The model call for " + operation + " returned no answer", null);
    }
    return answer.withTiming(now(), java.time.Duration.ofNanos(System.nanoTime() - start));
  }

  /** The request's tenant, which a tenant view only accepts when it is its own. */
  private String tenant(AIRequest request) {
    if (request.tenant() == null) {
      return tenant;
    }
    if (tenant != null && !tenant.equals(request.tenant())) {
      throw new IllegalArgumentException("tenant = '" + request.tenant() + "' in a request to the view of tenant '"
          + tenant + "': a tenant view serves its own tenant only");
    }
    return request.tenant();
  }

  @Override
  public long invalidateByOperation(String operation) {
    return invalidateByOperation(operation, null);
  }

  @Override
  public long invalidateByOperation(String operation, String reason) {
    AISettings.checkName(operation, "operation");
    long removed = shared.cache.invalidateTag(tenant == null ? "ai:op:" + operation
        : "ai:t:" + tenant + ":op:" + operation);
    shared.metrics.invalidated(operation, removed);
    LOG.info("Invalidated {} cached answers of operation {}{}{}", removed, operation,
        tenant == null ? "" : " for tenant " + tenant, reason == null ? "" : " (" + reason + ")");
    return removed;
  }

  @Override
  public long invalidateAll() {
    if (tenant != null) {
      return shared.cache.invalidateTag("ai:t:" + tenant);
    }
    return shared.cache.invalidatePattern(CacheKeyGenerator.PREFIX + "*");
  }

  @Override
  public AIResponseCache forTenant(String name) {
    return new DefaultAIResponseCache(shared, CacheKeyGenerator.checkTenant(name), model);
  }

  @Override
  public AIResponseCache forModel(String name) {
    return new DefaultAIResponseCache(shared, tenant, CacheKeyGenerator.checkModel(name));
  }

  @Override
  public String keyFor(String text, String operation, Map<String, ?> options, String question) {
    return keyFor(request(text, operation, options, question));
  }

  @Override
  public ExpiryPolicy expiryPolicyFor(String operation) {
    return shared.policies.get(operation);
  }

  @Override
  public AIPerformanceSummary getAiPerformanceSummary() {
    return shared.metrics.summary(shared.cache.storeMetrics());
  }

  @Override
  public AISettings settings() {
    return shared.settings;
  }

  @Override
  public void close() {
    AIStatistics.unregister(shared.mbean);
  }

  private String timedKey(AIRequest request) {
    long start = System.nanoTime();
    String key = keyFor(request);
    shared.metrics.keyGenerated(System.nanoTime() - start);
    return key;
  }

  /** The view that writes an operation's answers with its lifetime (or {@code ttl}) and tags. */
  private StrataCache<String, AIResponse> writer(String operation, String tenantName, java.time.Duration ttl) {
    if (ttl != null) {
      return tagged(shared.cache.withExpiryPolicy(new ModifiedExpiryPolicy(
          new Duration(TimeUnit.MILLISECONDS, ttl.toMillis()))), operation, tenantName);
    }
    return shared.writers.computeIfAbsent(operation + "|" + (tenantName == null ? "" : tenantName), ignored -> {
      ExpiryPolicy policy = expiryPolicyFor(operation);
      return tagged(policy == null ? shared.cache : shared.cache.withExpiryPolicy(policy), operation, tenantName);
    });
  }

  private static StrataCache<String, AIResponse> tagged(StrataCache<String, AIResponse> view, String operation,
                                                       String tenantName) {
    List<String> tags = tenantName == null ? List.of("ai:op:" + operation)
        : List.of("ai:op:" + operation, "ai:t:" + tenantName + ":op:" + operation, "ai:t:" + tenantName);
    return view.withTags(tags.toArray(new String[0]));
  }

  /** What every view of one cache shares. */
  private static final class Shared {
    final StrataCache<String, AIResponse> cache;
    final AISettings settings;
    final CacheKeyGenerator keys;
    final AIMetrics metrics;
    final SingleFlight flights = new SingleFlight();
    final StreamFlights streams = new StreamFlights();
    final Ticker clock;
    final ConcurrentMap<String, StrataCache<String, AIResponse>> writers = new ConcurrentHashMap<>();
    final Map<String, ExpiryPolicy> policies = new HashMap<>();
    volatile ObjectName mbean;

    Shared(StrataCache<String, AIResponse> cache, AISettings settings) {
      this.cache = cache;
      this.settings = settings;
      // every write of an answer gives it the full lifetime, a re-cached answer too (not the first write's deadline)
      settings.operationTtls().forEach((operation, ttl) -> policies.put(operation,
          new ModifiedExpiryPolicy(new Duration(TimeUnit.MILLISECONDS, ttl.toMillis()))));
      this.keys = new CacheKeyGenerator(settings.textHashThreshold());
      this.metrics = new AIMetrics(settings);
      this.clock = cache.getConfiguration(StrataConfiguration.class).getTicker();
    }
  }
}
