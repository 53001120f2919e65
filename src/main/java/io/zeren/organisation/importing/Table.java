package io.zeren.organisation.importing;

import java.util.List;
import java.util.Map;

/**
 * One sheet of a workbook or one CSV file: a name for messages, the header cells, and the data rows keyed
 * by header, each with the line number a person sees in Excel (header = line 1).
 */
record Table(String name, List<String> headers, List<Line> lines) {

	record Line(int number, Map<String, String> cells) {
	}

}
