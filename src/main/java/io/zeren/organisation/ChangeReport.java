package io.zeren.organisation;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a change did, row by row: created, updated, unchanged or rejected and why. */
public record ChangeReport(
		@Schema(description = "Whether the accepted rows were written (false for a dry run or a refused atomic import)") boolean applied,
		boolean dryRun, int created, int updated, int unchanged, int rejected, List<RowOutcome> rows) {

	public enum Outcome {

		CREATED, UPDATED, UNCHANGED, REJECTED

	}

	public record RowOutcome(String sheet, int line, String key, Outcome outcome, List<String> messages) {
	}

}
