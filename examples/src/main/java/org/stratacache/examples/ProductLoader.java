package org.stratacache.examples;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.cache.integration.CacheLoader;

/** Read-through: the cache calls this on a miss. */
final class ProductLoader implements CacheLoader<Integer, String>, Serializable {

  private static final long serialVersionUID = 1L;

  private final transient ProductRepository repository;

  ProductLoader(ProductRepository repository) {
    this.repository = repository;
  }

  @Override
  public String load(Integer id) {
    return repository.find(id);
  }

  @Override
  public Map<Integer, String> loadAll(Iterable<? extends Integer> ids) {
    Map<Integer, String> loaded = new LinkedHashMap<>();
    ids.forEach(id -> loaded.put(id, repository.find(id)));
    return loaded;
  }
}
