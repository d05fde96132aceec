package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import javax.cache.CacheException;
import javax.net.ssl.SSLHandshakeException;
import org.stratacache.jcache.store.StoreAccessException;
import org.stratacache.jcache.store.StoreSecurityException;

/**
 * Tells a refusal (wrong credentials, an untrusted certificate, an ACL) from an outage, so that the
 * first fails at once with a message saying what to fix while the second goes to the resilience policy.
 */
final class ConnectFailures {

  private ConnectFailures() {
  }

  /** The exception for a failed connection attempt to {@code maskedUri}. */
  static CacheException connect(RuntimeException failure, String maskedUri, Duration timeout) {
    boolean handshake = false;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (cause instanceof RedisCommandExecutionException && isAuthentication(message)) {
        return new StoreSecurityException("Authentication failed for Redis at " + maskedUri + ": " + message
            + " (check the user name and password of the URI)", failure);
      }
      if (cause instanceof RedisCommandExecutionException && message.startsWith("NOPERM")) {
        return new StoreSecurityException("Redis at " + maskedUri + " refused the connection handshake: " + message
            + " (the ACL user needs the @connection commands)", failure);
      }
      if (cause instanceof GeneralSecurityException && handshake) {
        return new StoreSecurityException("TLS to Redis at " + maskedUri + " failed: the server certificate was not "
            + "trusted (" + message + "); check redis-tls.ca-file and, for a host name mismatch, the URI's host or "
            + "redis-tls.verify-hostname", failure);
      }
      if (cause instanceof GeneralSecurityException) {
        return new StoreSecurityException("TLS to Redis at " + maskedUri + " cannot start: a redis-tls file or the "
            + "key password is not usable (" + message + ")", failure);
      }
      if (cause instanceof SSLHandshakeException) {
        handshake = true;
        if (cause.getCause() == null && isCertificateAlert(message)) {
          return new StoreSecurityException("TLS to Redis at " + maskedUri + " failed: the server did not accept the "
              + "client certificate (" + message + "); check redis-tls.client-cert-file or redis-tls.keystore-file",
              failure);
        }
      }
    }
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new StoreAccessException("Cannot connect to Redis at " + maskedUri + " within " + timeout + ": "
        + failure.getMessage() + (root == failure ? "" : " (" + root + ")"), failure);
  }

  /** The exception for a command {@code what} that Redis answered with an error, or {@code null} if not a refusal. */
  static StoreSecurityException command(Throwable cause, String maskedUri, String what) {
    if (cause instanceof RedisCommandExecutionException && isAclRefusal(String.valueOf(cause.getMessage()))) {
      return new StoreSecurityException("Redis at " + maskedUri + " denied " + what + ": " + cause.getMessage()
          + " (the ACL user may not run this command or touch this cache's keys)", cause);
    }
    return null;
  }

  /** Whether the server closed the connection before the handshake finished, without saying why. */
  static boolean closedDuringHandshake(RuntimeException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RedisConnectionException && "Connection closed prematurely".equals(cause.getMessage())) {
        return true;
      }
    }
    return false;
  }

  /** NOPERM, or its form inside a script (Redis 7: "ERR The user executing the script can't run this command"). */
  private static boolean isAclRefusal(String message) {
    return message.startsWith("NOPERM") || message.contains("The user executing the script can't");
  }

  private static boolean isAuthentication(String message) {
    return message.startsWith("WRONGPASS") || message.startsWith("NOAUTH")
        || message.startsWith("ERR invalid password") || message.startsWith("ERR invalid username")
        || message.startsWith("ERR AUTH");
  }

  private static boolean isCertificateAlert(String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    return lower.contains("certificate") || lower.contains("unknown_ca");
  }
}
