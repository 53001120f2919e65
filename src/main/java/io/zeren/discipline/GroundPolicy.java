package io.zeren.discipline;

/**
 * When grounds open an accountability matter: grounds of one kind for one unit and year are counted until they
 * reach the threshold, which opens a matter; while that matter is open, further grounds join it instead of
 * opening another; once it is closed, grounds count afresh.
 */
final class GroundPolicy {

	enum Action {

		/** Open a matter with the pending grounds. */
		OPEN,
		/** Add the pending grounds to the open matter. */
		JOIN,
		/** Not enough grounds yet. */
		WAIT

	}

	private GroundPolicy() {
	}

	/**
	 * @param pending grounds of this kind, unit and year not yet part of a matter
	 * @param openMatter whether a matter of this kind, unit and year is open
	 * @param threshold grounds that open a matter (at least 1)
	 */
	static Action decide(int pending, boolean openMatter, int threshold) {
		if (threshold < 1) {
			throw new IllegalArgumentException("An accountability threshold must be at least 1, not " + threshold);
		}
		if (pending <= 0) {
			return Action.WAIT;
		}
		if (openMatter) {
			return Action.JOIN;
		}
		return pending >= threshold ? Action.OPEN : Action.WAIT;
	}

}
