package io.zeren.shared;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** A query with an IN list of any length, asked in chunks every database accepts (Oracle: 1,000 values at most). */
public final class InLists {

	/** Values per query. */
	public static final int CHUNK = 500;

	private InLists() {
	}

	/** What {@code query} answers for all {@code values}, asked {@value #CHUNK} values at a time. */
	public static <T, R> Set<R> queryAll(List<T> values, Function<List<T>, ? extends Collection<R>> query) {
		Set<R> answers = new HashSet<>();
		for (int from = 0; from < values.size(); from += CHUNK) {
			answers.addAll(query.apply(values.subList(from, Math.min(from + CHUNK, values.size()))));
		}
		return answers;
	}

}
