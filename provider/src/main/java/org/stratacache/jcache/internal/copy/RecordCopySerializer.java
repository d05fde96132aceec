package org.stratacache.jcache.internal.copy;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.serializers.RecordSerializer;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Kryo's record serializer treats every record as immutable and "copies" it by returning the same
 * instance, so a record holding a list would be shared between the cache and its callers. This one
 * copies each component deeply and rebuilds the record through its canonical constructor.
 */
final class RecordCopySerializer<T> extends RecordSerializer<T> {

  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return new Shape(type);
    }
  };

  RecordCopySerializer(Class<T> type) {
    super(type);
    setImmutable(false);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T copy(Kryo kryo, T original) {
    try {
      Shape shape = SHAPES.get(original.getClass());
      Object[] components = new Object[shape.accessors.length];
      for (int i = 0; i < components.length; i++) {
        components[i] = kryo.copy(shape.accessors[i].invoke(original));
      }
      return (T) shape.constructor.newInstance(components);
    } catch (InvocationTargetException e) {
      throw new KryoException("The canonical constructor of " + original.getClass().getName() + " refused a copy",
          e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new KryoException("Cannot copy record " + original.getClass().getName(), e);
    }
  }

  /** A record's accessors and canonical constructor, made accessible once. */
  private static final class Shape {
    final Method[] accessors;
    final Constructor<?> constructor;

    Shape(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      accessors = new Method[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = components[i].getAccessor();
        accessors[i].setAccessible(true);
        types[i] = components[i].getType();
      }
      try {
        constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
      } catch (NoSuchMethodException e) {
        throw new KryoException("Record " + type.getName() + " has no canonical constructor", e);
      }
    }
  }
}
