package org.stratacache.ai;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.management.ObjectName;
import org.stratacache.jcache.StrataCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  public AIResponse getCachedResponse(String text, String operation, Map<String, ?> options) {
    return getCachedResponse(text, operation, options, null);
  }

  @Override
  public AIResponse getCachedResponse(String text, String operation, Map<String, ?> options, String question) {
    return lookup(timedKey(text, operation, options, question), text, operation);
  }

  private AIResponse lookup(String key, String text, String operation) {
    AIResponse found = shared.cache.get(key);
    shared.metrics.lookup(operation, shared.settings.tierOf(text.length()), found);
    return found;
  }

  @Override
  public void cacheResponse(String text, String operation, Map<String, ?> options, AIResponse response) {
    cacheResponse(text, operation, options, response, null);
  }

  @Override
  public void cacheResponse(String text, String operation, Map<String, ?> options, AIResponse response,
                            String question) {
    Objects.requireNonNull(response, "response");
    writer(operation).put(timedKey(text, operation, options, question), response);
  }

  @Override
  public AIResponse getOrCompute(String text, String operation, Map<String, ?> options, ModelCall model) {
    return getOrCompute(text, operation, options, null, model);
  }

  @Override
  public AIResponse getOrCompute(String text, String operation, Map<String, ?> options, String question,
                                 ModelCall call) {
    Objects.requireNonNull(call, "model call");
    String key = timedKey(text, operation, options, question);
    AIResponse cached = lookup(key, text, operation);
    if (cached != null) {
      return cached;
    }
    return shared.flights.run(key, () -> {
      AIResponse answer = shared.cache.get(key);
      if (answer == null) {
        answer = callModel(call, operation);
        writer(operation).put(key, answer);
      } else {
        shared.metrics.coalesced();  // missed, then overtaken by an identical call that finished meanwhile
      }
      return answer;
    }, shared.metrics::coalesced);
  }

  private static AIResponse callModel(ModelCall call, String operation) {
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
    return answer;
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
    return shared.keys.key(tenant, model, operation, text, options, question);
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

  private String timedKey(String text, String operation, Map<String, ?> options, String question) {
    long start = System.nanoTime();
    String key = keyFor(text, operation, options, question);
    shared.metrics.keyGenerated(System.nanoTime() - start);
    return key;
  }

  /** The view that writes an operation's answers with its lifetime and tags. */
  private StrataCache<String, AIResponse> writer(String operation) {
    return shared.writers.computeIfAbsent(operation + "|" + (tenant == null ? "" : tenant), ignored -> {
      ExpiryPolicy policy = expiryPolicyFor(operation);
      StrataCache<String, AIResponse> view = policy == null ? shared.cache : shared.cache.withExpiryPolicy(policy);
      List<String> tags = tenant == null ? List.of("ai:op:" + operation)
          : List.of("ai:op:" + operation, "ai:t:" + tenant + ":op:" + operation, "ai:t:" + tenant);
      return view.withTags(tags.toArray(new String[0]));
    });
  }

  /** What every view of one cache shares. */
  private static final class Shared {
    final StrataCache<String, AIResponse> cache;
    final AISettings settings;
    final CacheKeyGenerator keys;
    final AIMetrics metrics;
    final SingleFlight flights = new SingleFlight();
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
      this.metrics = new AIMetrics(settings.costPerThousandTokens());
    }
  }
}
