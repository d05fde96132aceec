package org.stratacache.jcache.internal.codec;

import org.stratacache.jcache.codec.ValueSerializer;
import org.stratacache.jcache.configuration.SerializationFormat;
import org.stratacache.jcache.configuration.SerializationSettings;

/**
 * The serializer of a cache's values, as its {@link SerializationSettings} say: the application's
 * own ({@link SerializationSettings#serializer()}), or that of the built-in {@link SerializationSettings#format()}.
 */
public final class ValueSerializers {

  private static final String JACKSON = "com.fasterxml.jackson.databind.ObjectMapper";

  private ValueSerializers() {
  }

  /**
   * The serializer of values of {@code valueType}: one instance of the application's serializer when
   * the settings name one; else {@code kryo} itself (the one the cache's keys use) for the Kryo
   * format, a JSON serializer for JSON.
   *
   * @throws IllegalStateException when JSON is asked for and Jackson is not on the class path, or the
   *                               application's serializer cannot be created
   */
  public static ValueSerializer forValues(KryoSerializer kryo, ClassLoader classLoader, SerializationSettings settings,
                                          Class<?> valueType) {
    if (settings.serializer() != null) {
      return PluggedSerializer.create(settings.serializer());
    }
    if (settings.format() == SerializationFormat.KRYO) {
      return kryo;
    }
    try {
      Class.forName(JACKSON, false, ValueSerializers.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("serialization.format json needs Jackson on the class path: add "
          + "com.fasterxml.jackson.core:jackson-databind to the application's dependencies", e);
    }
    return new JsonValueSerializer(classLoader, settings, valueType);
  }
}
