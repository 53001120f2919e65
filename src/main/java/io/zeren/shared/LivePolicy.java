package io.zeren.shared;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A policy (a {@code @ConfigurationProperties} record such as the assessment's windows or the sanction periods) as it
 * stands now: its YAML values with the overrides administrators saved on the policy page (io.zeren.settings), read
 * again after every change, without a restart. Use cases keep a LivePolicy and ask {@link #current()} where they
 * apply the policy, never copying a value into a field.
 */
public final class LivePolicy<T> {

	private final Supplier<T> current;

	public LivePolicy(Supplier<T> current) {
		this.current = Objects.requireNonNull(current);
	}

	/** A policy that never changes (tests, tools). */
	public static <T> LivePolicy<T> fixed(T value) {
		Objects.requireNonNull(value);
		return new LivePolicy<>(() -> value);
	}

	public T current() {
		return current.get();
	}

	/** Binds policy records to their live values; implemented by the settings module. */
	public interface Binding {

		/** The live policy of the record {@code type} bound at {@code prefix} (e.g. "zeren.assessment"). */
		<T> LivePolicy<T> bind(String prefix, Class<T> type);

	}

}
