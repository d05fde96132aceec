package org.stratacache.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the cache key of a request. The format (documented in the user guide, pinned by tests):
 *
 * <pre>
 * ai_cache:op:&lt;operation&gt;|t:&lt;tenant or -&gt;|m:&lt;model&gt;
 *   |txt:&lt;text, or hash:&lt;sha256&gt;&gt; (or |msgs:&lt;sha256 of the messages&gt;)
 *   |q:&lt;sha256 of the question, or -&gt;|opts:&lt;sha256&gt;
 * </pre>
 * (one line, no spaces).
 *
 * <p>Texts of at most the threshold (1,000 characters by default) stay readable; longer ones, and
 * any text that itself starts with {@code hash:}, are replaced by the SHA-256 of their UTF-8 bytes,
 * computed as a stream. The options hash is over their canonical form
 * ({@link OptionsCanonicalizer}). Operation, tenant and model are checked against a strict
 * alphabet, so no value can forge another segment: a tenant's keys can only ever be its own.
 * Thread-safe.
 */
public final class CacheKeyGenerator {

  /** The first characters of every key. */
  public static final String PREFIX = "ai_cache:";

  private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9_.:/@+-]{1,128}");

  private final int hashThreshold;

  /** A generator hashing texts longer than {@code hashThreshold} characters. */
  public CacheKeyGenerator(int hashThreshold) {
    this.hashThreshold = hashThreshold;
  }

  /**
   * The key of a request.
   *
   * @param tenant    the tenant, or {@code null}
   * @param model     the model id
   * @param operation the operation (summarize, qa, ...)
   * @param text      the input text
   * @param options   request options (temperature, max tokens, ...), or {@code null}
   * @param question  a question about the text, or {@code null}
   * @throws IllegalArgumentException naming the part that is not allowed
   */
  public String key(String tenant, String model, String operation, String text, Map<String, ?> options,
                    String question) {
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
    StringBuilder key = start(tenant, model, operation, Math.min(text.length(), hashThreshold)).append("|txt:");
    if (text.length() > hashThreshold || text.startsWith("hash:")) {
      key.append("hash:").append(TextHasher.sha256Hex(text));
    } else {
      key.append(text);
    }
    return end(key, options, question);
  }

  /**
   * The key of {@code request} for a view of {@code tenant} and {@code model} (the request's own
   * tenant and model win). A request of messages has the segment {@code |msgs:<sha256>} (of their
   * canonical JSON) where a text has {@code |txt:}, so the two can never share a key.
   */
  public String key(String tenant, String model, AIRequest request) {
    String effectiveTenant = request.tenant() == null ? tenant : request.tenant();
    String effectiveModel = request.model() == null ? model : request.model();
    if (request.text() != null) {
      return key(effectiveTenant, effectiveModel, request.operation(), request.text(), request.options(),
          request.question());
    }
    List<Map<String, Object>> messages = new ArrayList<>(request.messages().size());
    for (AIMessage message : request.messages()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("role", message.role());
      item.put("content", message.content());
      item.put("attributes", message.attributes().value());
      messages.add(item);
    }
    StringBuilder key = start(effectiveTenant, effectiveModel, request.operation(), 64).append("|msgs:")
        .append(TextHasher.sha256Hex(OptionsCanonicalizer.canonicalJson(messages, "messages")));
    return end(key, request.options(), request.question());
  }

  private static StringBuilder start(String tenant, String model, String operation, int bodyLength) {
    AISettings.checkName(operation, "operation");
    if (tenant != null) {
      checkTenant(tenant);
    }
    checkModel(model);
    StringBuilder key = new StringBuilder(PREFIX.length() + 180 + bodyLength);
    return key.append(PREFIX).append(operationPrefix(operation)).append("t:").append(tenant == null ? "-" : tenant)
        .append("|m:").append(model);
  }

  private static String end(StringBuilder key, Map<String, ?> options, String question) {
    key.append("|q:").append(question == null ? "-" : TextHasher.sha256Hex(question));
    key.append("|opts:").append(TextHasher.sha256Hex(OptionsCanonicalizer.canonical(options)));
    return key.toString();
  }

  /** {@code op:<operation>|}: every key of an operation starts with {@link #PREFIX} and this. */
  static String operationPrefix(String operation) {
    return "op:" + operation + "|";
  }

  /** A tenant name; {@code -} is refused because it stands for "no tenant" in keys. */
  static String checkTenant(String tenant) {
    AISettings.checkName(tenant, "tenant");
    if (tenant.equals("-")) {
      throw new IllegalArgumentException("tenant = '-' is reserved: it marks keys outside any tenant");
    }
    return tenant;
  }

  static String checkModel(String model) {
    if (model == null || !MODEL.matcher(model).matches()) {
      throw new IllegalArgumentException("model = '" + model
          + "' must be 1 to 128 letters, digits or any of _ . : / @ + -");
    }
    return model;
  }
}
