/**
 * Public failures of turning values into bytes: {@link org.stratacache.jcache.codec.ClassNotAllowedException}
 * (a type outside the allow-list) and {@link org.stratacache.jcache.codec.CodecException} (bytes that cannot be
 * decoded). The codec chain itself is internal ({@code org.stratacache.jcache.internal.codec}).
 */
package org.stratacache.jcache.codec;
