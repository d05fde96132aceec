package org.stratacache.jcache.configuration;

import java.io.Serializable;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.stratacache.jcache.codec.ValueSerializer;

/**
 * Which classes a serializing store (Redis) may write and read. Nothing outside these settings
 * and the built-in safe JDK types is ever instantiated from bytes a store returns.
 *
 * <ul>
 *   <li>{@link #register(Class, int)} gives a class a numeric id: the most compact form, and the
 *       id must be the same in every JVM that shares the store (ids below {@value #FIRST_USER_ID}
 *       are reserved);</li>
 *   <li>{@link #allowClass(Class)} and {@link #allowPackage(String)} allow classes by name (a
 *       little larger on the wire, nothing to keep in step between JVMs).</li>
 * </ul>
 *
 * <p>They also hold the {@link DecodeLimits} every read of stored bytes stays within, and the
 * {@link SerializationFormat} values are stored in: Kryo by default, or JSON ({@link #format(SerializationFormat)})
 * for values other languages read. With JSON the allow-list still holds: every record, bean and enum
 * written or read must be registered or allowed here. Or values are stored by the application's own
 * {@link ValueSerializer} ({@link #serializer(Class)}), which then replaces the format.
 *
 * <p>Immutable; every method returns a new instance.
 */
public final class SerializationSettings implements Serializable {

  /** The smallest id an application may register a class under. */
  public static final int FIRST_USER_ID = 100;

  private static final long serialVersionUID = 1L;

  private final Map<Class<?>, Integer> registrations;
  private final Set<String> allowedPackages;
  private final Set<String> allowedClasses;
  private final DecodeLimits limits;
  /** {@code null}: not set, Kryo. */
  private final SerializationFormat format;
  /** {@code null}: the built-in format. */
  private final Class<? extends ValueSerializer> serializer;

  private SerializationSettings(Map<Class<?>, Integer> registrations, Set<String> allowedPackages,
                                Set<String> allowedClasses) {
    this(registrations, allowedPackages, allowedClasses, DecodeLimits.defaults(), null, null);
  }

  private SerializationSettings(Map<Class<?>, Integer> registrations, Set<String> allowedPackages,
                                Set<String> allowedClasses, DecodeLimits limits, SerializationFormat format,
                                Class<? extends ValueSerializer> serializer) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.format = format;
    this.serializer = serializer;
    this.registrations = Collections.unmodifiableMap(new LinkedHashMap<>(registrations));
    this.allowedPackages = Collections.unmodifiableSet(new LinkedHashSet<>(allowedPackages));
    this.allowedClasses = Collections.unmodifiableSet(new LinkedHashSet<>(allowedClasses));
  }

  /** Only the built-in types. */
  public static SerializationSettings none() {
    return new SerializationSettings(Map.of(), Set.of(), Set.of());
  }

  /**
   * Registers {@code type} under {@code id}.
   *
   * @throws IllegalArgumentException when the id is reserved or taken by another class
   */
  public SerializationSettings register(Class<?> type, int id) {
    Objects.requireNonNull(type, "type");
    if (id < FIRST_USER_ID) {
      throw new IllegalArgumentException("Serialization id " + id + " for " + type.getName()
          + " is reserved; use ids from " + FIRST_USER_ID);
    }
    registrations.forEach((other, otherId) -> {
      if (otherId == id && other != type) {
        throw new IllegalArgumentException("Serialization id " + id + " is taken by " + other.getName());
      }
    });
    Map<Class<?>, Integer> next = new LinkedHashMap<>(registrations);
    next.put(type, id);
    return new SerializationSettings(next, allowedPackages, allowedClasses, limits, format, serializer);
  }

  /** Allows every class of {@code packageName} and its sub-packages. */
  public SerializationSettings allowPackage(String packageName) {
    String name = Objects.requireNonNull(packageName, "packageName").trim();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("An empty package name would allow every class");
    }
    Set<String> next = new LinkedHashSet<>(allowedPackages);
    next.add(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
    return new SerializationSettings(registrations, next, allowedClasses, limits, format, serializer);
  }

  /** Allows {@code type} by name. */
  public SerializationSettings allowClass(Class<?> type) {
    Set<String> next = new LinkedHashSet<>(allowedClasses);
    next.add(Objects.requireNonNull(type, "type").getName());
    return new SerializationSettings(registrations, allowedPackages, next, limits, format, serializer);
  }

  /** These settings with {@code limits} as the bounds of reading stored bytes. */
  public SerializationSettings limits(DecodeLimits limits) {
    return new SerializationSettings(registrations, allowedPackages, allowedClasses, limits, format, serializer);
  }

  /** These settings storing values as {@code format} (setting {@code serialization.format}). */
  public SerializationSettings format(SerializationFormat format) {
    return new SerializationSettings(registrations, allowedPackages, allowedClasses, limits,
        Objects.requireNonNull(format, "format"), serializer);
  }

  /** How values are stored: {@link SerializationFormat#KRYO} unless set. */
  public SerializationFormat format() {
    return format == null ? SerializationFormat.KRYO : format;
  }

  /** The format as set, or {@code null} when unset (for {@link Setting#SERIALIZATION_FORMAT}). */
  SerializationFormat configuredFormat() {
    return format;
  }

  /**
   * These settings storing values with the application's {@code type} instead of a built-in format
   * (setting {@code serialization.serializer}): each cache creates one with its public
   * no-argument constructor. Values it stores carry its {@link ValueSerializer#formatName()}; a value
   * of another format is refused as corrupt (policy {@code corrupt-values}). Not to be combined with
   * {@link #format(SerializationFormat)}.
   *
   * @throws IllegalArgumentException when {@code type} is not a public class with a public no-argument constructor
   */
  public SerializationSettings serializer(Class<? extends ValueSerializer> type) {
    return new SerializationSettings(registrations, allowedPackages, allowedClasses, limits, format,
        checkSerializer(type));
  }

  /** The application's serializer, or {@code null} when values are stored in a built-in {@link #format()}. */
  public Class<? extends ValueSerializer> serializer() {
    return serializer;
  }

  /** {@code type} when a cache can create it; refused naming what is missing otherwise. */
  static Class<? extends ValueSerializer> checkSerializer(Class<?> type) {
    Objects.requireNonNull(type, "serializer");
    if (!ValueSerializer.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(type.getName() + " does not implement " + ValueSerializer.class.getName());
    }
    if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())
        || type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
      throw new IllegalArgumentException(type.getName() + " must be a public, concrete, top-level or static class");
    }
    try {
      type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " needs a public no-argument constructor", e);
    }
    return type.asSubclass(ValueSerializer.class);
  }

  /** The bounds every read of stored bytes stays within. */
  public DecodeLimits limits() {
    return limits;
  }

  /** These settings plus {@code other}'s; the limits and the format {@code other} sets explicitly win. */
  public SerializationSettings merge(SerializationSettings other) {
    SerializationSettings merged = this;
    for (Map.Entry<Class<?>, Integer> entry : other.registrations.entrySet()) {
      merged = merged.register(entry.getKey(), entry.getValue());
    }
    for (String packageName : other.allowedPackages) {
      merged = merged.allowPackage(packageName);
    }
    Set<String> classes = new LinkedHashSet<>(merged.allowedClasses);
    classes.addAll(other.allowedClasses);
    return new SerializationSettings(merged.registrations, merged.allowedPackages, classes,
        limits.merge(other.limits), other.format != null ? other.format : format,
        other.serializer != null ? other.serializer : serializer);
  }

  /** Registered classes and their ids, in registration order. */
  public Map<Class<?>, Integer> registrations() {
    return registrations;
  }

  /** Packages whose classes are allowed. */
  public Set<String> allowedPackages() {
    return allowedPackages;
  }

  /** Names of classes allowed one by one. */
  public Set<String> allowedClasses() {
    return allowedClasses;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SerializationSettings that && registrations.equals(that.registrations)
        && allowedPackages.equals(that.allowedPackages) && allowedClasses.equals(that.allowedClasses)
        && limits.equals(that.limits) && format == that.format && serializer == that.serializer;
  }

  @Override
  public int hashCode() {
    return Objects.hash(registrations, allowedPackages, allowedClasses, limits, format, serializer);
  }

  @Override
  public String toString() {
    return "SerializationSettings{registered=" + registrations.size() + ", packages=" + allowedPackages
        + ", classes=" + allowedClasses + ", format=" + (serializer == null ? format().key() : serializer.getName())
        + ", " + limits + "}";
  }
}
