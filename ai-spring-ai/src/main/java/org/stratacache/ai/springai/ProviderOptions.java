package org.stratacache.ai.springai;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A provider's own chat options (seed, response format, reasoning effort, ...) as JSON-compatible
 * data for the key, read through their public getters, since their classes need not have a
 * {@code toString} (OpenAI's does not: its text would differ for every request); nested values
 * without one are read the same way. Left out: what
 * the key already holds, the tools, and connection settings that do not change an answer (API key,
 * credentials, headers, proxy, timeout, retries); a value with no stable text form is left out too,
 * rather than making every key unique.
 */
final class ProviderOptions {

  private static final Set<String> LEFT_OUT = Set.of("class", "model", "temperature", "maxTokens", "topP", "topK",
      "frequencyPenalty", "presencePenalty", "stopSequences", "outputSchema", "toolCallbacks", "toolContext",
      "toolNames", "internalToolExecutionEnabled", "apiKey", "credential", "customHeaders", "httpHeaders", "proxy",
      "timeout", "maxRetries");
  private static final int MAX_DEPTH = 4;

  private ProviderOptions() {
  }

  /** The options' other properties, by name. */
  static Map<String, Object> describe(Object options) {
    return properties(options, 0);
  }

  /** {@code bean}'s readable properties, by name (at the top, less those left out). */
  private static Map<String, Object> properties(Object bean, int depth) {
    Map<String, Object> described = new TreeMap<>();
    for (Method getter : bean.getClass().getMethods()) {
      String property = property(getter);
      if (property == null || depth == 0 && LEFT_OUT.contains(property)) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(bean);
      } catch (ReflectiveOperationException | RuntimeException e) {
        continue;  // a getter that cannot be read here decides nothing we could key
      }
      Object rendered = render(value, depth);
      if (rendered != null) {
        described.put(property, rendered);
      }
    }
    return described;
  }

  private static String property(Method method) {
    if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
        || method.getReturnType() == void.class || method.getDeclaringClass() == Object.class) {
      return null;
    }
    String name = method.getName();
    int start = name.startsWith("get") ? 3 : name.startsWith("is") ? 2 : -1;
    if (start < 0 || name.length() == start) {
      return null;
    }
    return name.substring(start, start + 1).toLowerCase(Locale.ROOT) + name.substring(start + 1);
  }

  private static Object render(Object value, int depth) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof Double || value instanceof BigDecimal
        || value instanceof BigInteger) {
      return value;
    }
    if (value instanceof Number || value instanceof Character) {
      return value.toString();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (depth >= MAX_DEPTH) {
      return null;
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>(collection.size());
      collection.forEach(element -> list.add(render(element, depth + 1)));
      return list;
    }
    if (value.getClass().isArray()) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        list.add(render(Array.get(value, i), depth + 1));
      }
      return list;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> rendered = new TreeMap<>();
      map.forEach((key, element) -> rendered.put(String.valueOf(key), render(element, depth + 1)));
      return rendered;
    }
    if (value instanceof Record record) {
      Map<String, Object> rendered = new TreeMap<>();
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          rendered.put(component.getName(), render(component.getAccessor().invoke(record), depth + 1));
        } catch (ReflectiveOperationException | RuntimeException e) {
          return null;
        }
      }
      return rendered;
    }
    if (hasOwnText(value.getClass())) {
      return value.toString();
    }
    Map<String, Object> nested = properties(value, depth + 1);  // a bean without text of its own: its properties
    return nested.isEmpty() ? null : nested;
  }

  private static boolean hasOwnText(Class<?> type) {
    try {
      return type.getMethod("toString").getDeclaringClass() != Object.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
