package org.stratacache.integration.spring;

import java.util.ArrayList;
import java.util.List;

/**
 * A cached value: a record whose author list a caller can change, to show that store-by-value
 * deep-copies records too.
 */
public record Book(String isbn, String title, List<String> authors) {

  /** Keeps its own changeable copy of the authors. */
  public Book {
    authors = new ArrayList<>(authors);
  }
}
