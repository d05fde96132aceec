package org.stratacache.spring.boot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP against the application under test, as an operator's tools would call it. */
final class Http {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {
  }

  /** The status and body of a GET. */
  static Response get(int port, String path) {
    try {
      HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The COUNT of {@code /actuator/metrics/<meter>} with these tags ({@code key:value}). */
  static double count(int port, String meter, String... tags) {
    return statistic(port, "COUNT", meter, tags);
  }

  /** The VALUE (a gauge's) of {@code /actuator/metrics/<meter>} with these tags ({@code key:value}). */
  static double value(int port, String meter, String... tags) {
    return statistic(port, "VALUE", meter, tags);
  }

  private static double statistic(int port, String statistic, String meter, String... tags) {
    StringBuilder path = new StringBuilder("/actuator/metrics/" + meter);
    for (int i = 0; i < tags.length; i++) {
      path.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
    }
    Response response = get(port, path.toString());
    if (response.status() != 200) {
      throw new IllegalStateException(path + " answered " + response.status() + ": " + response.body());
    }
    Matcher matcher = Pattern.compile("\"statistic\"\\s*:\\s*\"" + statistic
        + "\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.Ee+-]+)").matcher(response.body());
    if (!matcher.find()) {
      throw new IllegalStateException(path + " has no " + statistic + ": " + response.body());
    }
    return Double.parseDouble(matcher.group(1));
  }

  record Response(int status, String body) {
  }
}
