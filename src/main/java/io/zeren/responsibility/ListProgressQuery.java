package io.zeren.responsibility;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.zeren.shared.InLists;

/**
 * Where a group of people stand with their personal responsibility lists of a year: the list's state and how many of
 * its items have evidence recorded. A read for overviews such as a unit head's page; the caller decides who may see
 * whose state (it shows no item, target or evidence text).
 */
@Service
@Transactional(readOnly = true)
public class ListProgressQuery {

	/** A person's list state; {@link #NONE} when no list of the year was issued to them. */
	public enum State {
		NONE, ISSUED, OBJECTED, SIGNED
	}

	/**
	 * @param items items on the list
	 * @param itemsWithEvidence items with at least one evidence record
	 * @param evidenceRecords evidence records on the list
	 */
	public record PersonProgress(String username, State state, int items, int itemsWithEvidence, long evidenceRecords) {

		/** Share of items with evidence, 0–100. */
		public int percent() {
			return items == 0 ? 0 : Math.round(100f * itemsWithEvidence / items);
		}

	}

	private final ListProgressRepository lists;

	private final CycleRepository cycles;

	ListProgressQuery(ListProgressRepository lists, CycleRepository cycles) {
		this.lists = lists;
		this.cycles = cycles;
	}

	/** Whether the year has a responsibility cycle at all. */
	public boolean hasCycle(int year) {
		return cycles.existsByYear(year);
	}

	/** The state of each named person's list of the year; every name gets an answer (NONE without a list). */
	public Map<String, PersonProgress> ofYear(int year, Collection<String> usernames) {
		Map<String, PersonProgress> answer = new HashMap<>();
		usernames.forEach(username -> answer.put(username, new PersonProgress(username, State.NONE, 0, 0, 0)));
		Long cycleId = cycles.findByYear(year).map(Cycle::getId).orElse(null);
		if (cycleId == null || usernames.isEmpty()) {
			return answer;
		}
		List<PersonalList> found = List.copyOf(
				InLists.queryAll(List.copyOf(usernames), chunk -> lists.listsOf(cycleId, chunk)));
		if (found.isEmpty()) {
			return answer;
		}
		List<Long> ids = found.stream().map(PersonalList::getId).toList();
		Map<Long, Long> itemCounts = new HashMap<>();
		InLists.queryAll(ids, chunk -> lists.itemCounts(Item.Owner.PERSONAL, chunk)).forEach(row -> itemCounts.put((Long) row[0], ((Number) row[1]).longValue()));
		Map<Long, long[]> evidence = new HashMap<>();
		InLists.queryAll(ids, lists::evidenceCounts)
			.forEach(row -> evidence.put((Long) row[0],
					new long[] { ((Number) row[1]).longValue(), ((Number) row[2]).longValue() }));
		for (PersonalList list : found) {
			long[] recorded = evidence.getOrDefault(list.getId(), new long[] { 0, 0 });
			answer.put(list.getUsername(), new PersonProgress(list.getUsername(), State.valueOf(list.getState().name()),
					itemCounts.getOrDefault(list.getId(), 0L).intValue(), (int) recorded[1], recorded[0]));
		}
		return answer;
	}

}

/** The reads of {@link ListProgressQuery}: whole groups at once, not person by person. */
interface ListProgressRepository extends Repository<PersonalList, Long> {

	@Query("select p from PersonalList p where p.cycleId = ?1 and p.username in ?2")
	List<PersonalList> listsOf(Long cycleId, Collection<String> usernames);

	/** [list id, items]. */
	@Query("select i.ownerId, count(i) from Item i where i.ownerKind = ?1 and i.ownerId in ?2 group by i.ownerId")
	List<Object[]> itemCounts(Item.Owner kind, Collection<Long> listIds);

	/** [list id, evidence records, items with evidence]. */
	@Query("select e.listId, count(e), count(distinct e.itemId) from Evidence e where e.listId in ?1 group by e.listId")
	List<Object[]> evidenceCounts(Collection<Long> listIds);

}
