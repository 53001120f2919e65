package io.zeren.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

import io.zeren.shared.LivePolicy;

/**
 * Binds policy records to the environment with the saved overrides in front, again whenever the overrides change
 * (cached per overrides version). Also tries a candidate change against every bound policy before it is saved, so a
 * value the record itself refuses (its own checks) is refused on the page and never reaches a use case.
 */
@Component
class PolicyBinder implements LivePolicy.Binding {

	private final ConfigurableEnvironment environment;

	private final PolicyOverrides overrides;

	private final Map<String, Class<?>> bound = new ConcurrentHashMap<>();

	PolicyBinder(ConfigurableEnvironment environment, PolicyOverrides overrides) {
		this.environment = environment;
		this.overrides = overrides;
	}

	@Override
	public <T> LivePolicy<T> bind(String prefix, Class<T> type) {
		bound.put(prefix, type);
		return new LivePolicy<>(new Cached<>(() -> overrides.version(), () -> bindNow(prefix, type, null)));
	}

	/** The record at {@code prefix} as it would be with {@code candidate} saved (null: as it is). */
	<T> T bindNow(String prefix, Class<T> type, Map<String, Object> candidate) {
		List<ConfigurationPropertySource> sources = new ArrayList<>();
		if (candidate != null) {
			sources.add(ConfigurationPropertySource.from(new MapPropertySource("candidate", candidate)));
		}
		ConfigurationPropertySources.from(environment.getPropertySources()).forEach(sources::add);
		return new Binder(sources).bindOrCreate(prefix, Bindable.of(type));
	}

	/** The record at {@code prefix} without any saved override: what YAML and the record's defaults say. */
	<T> T bindDefaults(String prefix, Class<T> type) {
		MutablePropertySources withoutOverrides = new MutablePropertySources();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (!PolicyOverrides.SOURCE.equals(source.getName())) {
				withoutOverrides.addLast(source);
			}
		}
		return new Binder(ConfigurationPropertySources.from(withoutOverrides)).bindOrCreate(prefix, Bindable.of(type));
	}

	/** Every policy record bound so far, by prefix. */
	Map<String, Class<?>> bound() {
		return Map.copyOf(bound);
	}

	/** The last bound value, rebound when the version moves. */
	private static final class Cached<T> implements java.util.function.Supplier<T> {

		private final java.util.function.LongSupplier version;

		private final java.util.function.Supplier<T> binding;

		private volatile long at = -1;

		private volatile T value;

		Cached(java.util.function.LongSupplier version, java.util.function.Supplier<T> binding) {
			this.version = version;
			this.binding = binding;
		}

		@Override
		public T get() {
			long now = version.getAsLong();
			T current = value;
			if (current == null || now != at) {
				current = binding.get();
				value = current;
				at = now;
			}
			return current;
		}

	}

}
