package org.stratacache.jcache.internal.codec;

import org.stratacache.jcache.codec.ValueSerializer;
import org.stratacache.jcache.configuration.SerializationFormat;
import org.stratacache.jcache.configuration.SerializationSettings;

/** The serializer of a cache's values, as its {@link SerializationSettings#format()} says. */
public final class ValueSerializers {

  private static final String JACKSON = "com.fasterxml.jackson.databind.ObjectMapper";

  private ValueSerializers() {
  }

  /**
   * The serializer of values of {@code valueType}: {@code kryo} itself (the one the cache's keys use)
   * for the Kryo format, a JSON serializer for JSON.
   *
   * @throws IllegalStateException when JSON is asked for and Jackson is not on the class path
   */
  public static ValueSerializer forValues(KryoSerializer kryo, ClassLoader classLoader, SerializationSettings settings,
                                          Class<?> valueType) {
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
