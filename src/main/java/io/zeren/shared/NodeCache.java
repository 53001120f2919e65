package io.zeren.shared;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A node-local cache of answers read from the database: at most {@code limit} entries (beyond it Caffeine
 * evicts the least useful one by one), each reused for {@code ttl}. A TTL of zero or less turns it off: every
 * {@link #get} loads. Values must not be null (use {@code Optional} for "none").
 */
public final class NodeCache<K, V> {

	/** Null when the cache is off. */
	private final Cache<K, V> cache;

	public NodeCache(int limit, Duration ttl) {
		this.cache = ttl.isZero() || ttl.isNegative() ? null
				: Caffeine.newBuilder().maximumSize(limit).expireAfterWrite(ttl).build();
	}

	public boolean enabled() {
		return cache != null;
	}

	/**
	 * The cached answer, or what {@code load} reads (then kept). Not Caffeine's {@code get(key, loader)}: the
	 * loader reads the database, and Caffeine would hold the key's map bin while it does. Two threads loading
	 * the same key at once both read; the answers are equal.
	 */
	public V get(K key, Supplier<V> load) {
		if (cache == null || key == null) {
			return load.get();
		}
		V hit = cache.getIfPresent(key);
		if (hit != null) {
			return hit;
		}
		V value = load.get();
		cache.put(key, value);
		return value;
	}

	/** Keeps an answer read elsewhere (ignored when the cache is off). */
	public void put(K key, V value) {
		if (cache != null) {
			cache.put(key, value);
		}
	}

	public void clear() {
		if (cache != null) {
			cache.invalidateAll();
		}
	}

}
