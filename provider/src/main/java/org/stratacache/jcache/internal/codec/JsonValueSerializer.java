package org.stratacache.jcache.internal.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.stratacache.jcache.codec.ClassNotAllowedException;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.DecodeLimits;
import org.stratacache.jcache.configuration.DecodeLimits.Limit;
import org.stratacache.jcache.configuration.SerializationSettings;

/**
 * JSON serialization (Jackson), so that programs in other languages can read the values: UTF-8
 * JSON of the value, read back into the cache's declared value type. The bytes never name a
 * class: no default typing, and a type the application declares polymorphic by annotation
 * ({@code @JsonTypeInfo}) resolves only to classes the settings allow. Every record, bean and enum
 * written or read must be allowed by the settings, as with Kryo. Reads stay within the
 * {@link DecodeLimits}: document size, nesting depth, string length and elements per array or
 * object, checked by the parser as it goes. Thread-safe.
 */
final class JsonValueSerializer implements PrefixedSerializer {

  private static final int BUFFER = 256;
  private static final int SHOWN = 300;

  private final DecodeLimits limits;
  private final JsonFactory factory;
  private final ObjectReader reader;
  private final ObjectWriter writer;
  private final Class<?> valueType;

  /** Values of {@code valueType} ({@code Object}: maps, lists, strings, numbers and booleans). */
  JsonValueSerializer(ClassLoader classLoader, SerializationSettings settings, Class<?> valueType) {
    this.limits = settings.limits();
    this.valueType = valueType;
    ClassFilter filter = new ClassFilter(settings);
    this.factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.depth())
            .maxStringLength((int) Math.min(limits.length(), limits.decodedSize()))
            .maxDocumentLength(limits.decodedSize())
            .build())
        .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(limits.depth()).build())
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
    SimpleModule allowList = new SimpleModule("strata-allow-list");
    allowList.setDeserializerModifier(new AllowedOnRead(filter));
    allowList.setSerializerModifier(new AllowedOnWrite(filter));
    JsonMapper mapper = JsonMapper.builder(factory)
        .typeFactory(TypeFactory.defaultInstance().withClassLoader(classLoader))
        .polymorphicTypeValidator(new AllowedSubtypes(filter))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // refuse a type when a put or a read first meets it, as Kryo does, not when the cache is created
        .disable(DeserializationFeature.EAGER_DESERIALIZER_FETCH)
        .addModule(allowList)
        .build();
    this.reader = mapper.readerFor(valueType);
    this.writer = mapper.writer();
  }

  @Override
  public byte[] serialize(Object value, byte[] prefix) {
    byte[] bytes;
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(BUFFER);
      out.writeBytes(prefix);
      writer.writeValue(out, value);
      bytes = out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw translate(e, "Cannot serialize a value of " + value.getClass().getName() + " as JSON");
    } catch (StackOverflowError e) {
      throw new CodecException("Cannot serialize a value of " + value.getClass().getName() + " as JSON: it nests "
          + "values too deeply, or refers to itself (the thread's stack overflowed)");
    }
    int length = bytes.length - prefix.length;
    if (length > limits.decodedSize()) {
      throw DecodeBounds.exceeded(Limit.DECODED_SIZE, "a value of " + value.getClass().getName() + " serializes to "
          + length + " bytes of JSON, more than a read accepts", limits.decodedSize());
    }
    if (length > limits.length()) {
      // only then can a string or an array be longer than a read accepts: check as a read would
      checkReadable(bytes, prefix.length, length, value.getClass());
    }
    return bytes;
  }

  private void checkReadable(byte[] bytes, int offset, int length, Class<?> type) {
    try (JsonParser parser = parser(bytes, offset, length)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.VALUE_STRING) {
          parser.getText();
        }
      }
    } catch (IOException | RuntimeException e) {
      throw translate(e, "A value of " + type.getName() + " serializes to JSON that no read would accept");
    }
  }

  @Override
  public Object deserialize(byte[] bytes, int offset, int length) {
    if (length > limits.decodedSize()) {
      throw DecodeBounds.exceeded(Limit.DECODED_SIZE, "the value has " + length + " bytes", limits.decodedSize());
    }
    try (JsonParser parser = parser(bytes, offset, length)) {
      Object value = reader.readValue(parser);
      if (parser.nextToken() != null) {
        throw new CodecException("Stored JSON has more after the value");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw translate(e, "Cannot read the stored bytes as JSON of " + valueType.getName());
    } catch (StackOverflowError e) {
      throw new CodecException("The stored JSON nests values too deeply to read (the thread's stack overflowed)");
    }
  }

  private JsonParser parser(byte[] bytes, int offset, int length) throws IOException {
    return new BoundedParser(factory.createParser(bytes, offset, length), limits.length());
  }

  private CodecException translate(Exception e, String message) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof CodecException codec) {
        return codec;   // a class refused, a bound passed: already says what and why
      }
      if (cause instanceof StreamConstraintsException bound) {
        String text = String.valueOf(bound.getOriginalMessage());
        if (text.contains("NestingDepth")) {
          return DecodeBounds.exceeded(Limit.DEPTH, message + ": it nests values more than " + limits.depth()
              + " deep", limits.depth());
        }
        if (text.contains("StringLength")) {
          return DecodeBounds.exceeded(Limit.LENGTH, message + ": it holds a string longer than " + limits.length()
              + " characters", limits.length());
        }
        if (text.contains("DocumentLength")) {
          return DecodeBounds.exceeded(Limit.DECODED_SIZE, message + ": it has more than " + limits.decodedSize()
              + " bytes", limits.decodedSize());
        }
      }
    }
    String detail = e instanceof JsonProcessingException json ? json.getOriginalMessage()
        : e.getMessage();
    detail = String.valueOf(detail);
    if (detail.length() > SHOWN) {
      detail = detail.substring(0, SHOWN) + "...";
    }
    return new CodecException(message + ": " + detail, e);
  }

  /** Refuses, as the stored JSON is read, an array or object with more elements than the bound. */
  private static final class BoundedParser extends JsonParserDelegate {

    private final long maxElements;

    BoundedParser(JsonParser parser, long maxElements) {
      super(parser);
      this.maxElements = maxElements;
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken token = super.nextToken();
      if (token != null && token != JsonToken.END_ARRAY && token != JsonToken.END_OBJECT) {
        JsonStreamContext context = token.isStructStart() ? getParsingContext().getParent() : getParsingContext();
        boolean element = context != null
            && (context.inArray() || context.inObject() && token == JsonToken.FIELD_NAME);
        if (element && context.getCurrentIndex() >= maxElements) {
          throw DecodeBounds.exceeded(Limit.LENGTH, "the stored JSON holds an array or object of more than "
              + maxElements + " elements", maxElements);
        }
      }
      return token;
    }

    @Override
    public JsonToken nextValue() throws IOException {
      JsonToken token = nextToken();
      return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }
  }

  /** Refuses, when Jackson first meets it on a read, a record, bean or enum the settings do not allow. */
  private static final class AllowedOnRead extends BeanDeserializerModifier {

    private static final long serialVersionUID = 1L;
    /** The mapper is never serialized. */
    private final transient ClassFilter filter;

    AllowedOnRead(ClassFilter filter) {
      this.filter = filter;
    }

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                  JsonDeserializer<?> deserializer) {
      // Jackson's own deserializers (numbers, strings, collections, maps) build only JDK types
      return deserializer instanceof BeanDeserializerBase ? allowed(filter, description.getBeanClass(), deserializer)
          : deserializer;
    }

    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                      BeanDescription description, JsonDeserializer<?> deserializer) {
      return allowed(filter, type.getRawClass(), deserializer);
    }
  }

  /** Refuses, when Jackson first meets it on a write, a record, bean or enum the settings do not allow. */
  private static final class AllowedOnWrite extends BeanSerializerModifier {

    private static final long serialVersionUID = 1L;
    /** The mapper is never serialized. */
    private final transient ClassFilter filter;

    AllowedOnWrite(ClassFilter filter) {
      this.filter = filter;
    }

    @Override
    public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                                              JsonSerializer<?> serializer) {
      return serializer instanceof BeanSerializerBase ? allowed(filter, description.getBeanClass(), serializer)
          : serializer;
    }

    @Override
    public JsonSerializer<?> modifyEnumSerializer(SerializationConfig config, JavaType type,
                                                  BeanDescription description, JsonSerializer<?> serializer) {
      return allowed(filter, type.getRawClass(), serializer);
    }
  }

  private static <T> T allowed(ClassFilter filter, Class<?> type, T handler) {
    if (!filter.allows(type)) {
      throw new ClassNotAllowedException(type.getName());
    }
    return handler;
  }

  /** Subtypes named by the bytes (only under an application's {@code @JsonTypeInfo}) must be allowed. */
  private static final class AllowedSubtypes extends PolymorphicTypeValidator.Base {

    private static final long serialVersionUID = 1L;
    private final transient ClassFilter filter;

    AllowedSubtypes(ClassFilter filter) {
      this.filter = filter;
    }

    @Override
    public Validity validateBaseType(MapperConfig<?> config, JavaType baseType) {
      return Validity.INDETERMINATE;
    }

    @Override
    public Validity validateSubClassName(MapperConfig<?> config, JavaType baseType, String subClassName) {
      if (!filter.allows(subClassName)) {
        throw new ClassNotAllowedException(subClassName);
      }
      return Validity.ALLOWED;
    }

    @Override
    public Validity validateSubType(MapperConfig<?> config, JavaType baseType, JavaType subType) {
      return filter.allows(subType.getRawClass()) ? Validity.ALLOWED : Validity.DENIED;
    }
  }
}
