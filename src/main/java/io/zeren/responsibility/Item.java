package io.zeren.responsibility;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.type.YesNoConverter;

import io.zeren.organisation.StaffCategory;

/** A responsibility item of the catalogue, of a unit list or of a personal list (see {@link Owner}). */
@Entity
@Table(name = "zr_resp_item")
class Item {

	enum Owner {
		/** owner id: the cycle; the political department's catalogue */
		CYCLE,
		/** owner id: the unit list */
		UNIT,
		/** owner id: the personal list */
		PERSONAL
	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zr_resp_item_seq")
	@SequenceGenerator(name = "zr_resp_item_seq", sequenceName = "zr_resp_seq", allocationSize = 50)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 8)
	private Owner ownerKind;

	@Column(nullable = false)
	private Long ownerId;

	/** The item one level up it was copied from; null for items a unit head added. */
	private Long sourceId;

	@Column(nullable = false)
	private int sortNo;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(length = 1000)
	private String target;

	@Column(length = 1000)
	private String measure;

	@Column(nullable = false)
	private int weight;

	@Column(name = "evidence_req", length = 500)
	private String evidenceRequired;

	private LocalDate dueOn;

	@Column(length = 200)
	private String categories;

	@Column(length = 500)
	private String posts;

	@Convert(converter = YesNoConverter.class)
	@Column(nullable = false, length = 1)
	private boolean forUnit;

	protected Item() {
	}

	Item(Owner ownerKind, Long ownerId, Long sourceId, int sortNo, ItemSpec spec) {
		this.ownerKind = ownerKind;
		this.ownerId = ownerId;
		this.sourceId = sourceId;
		this.sortNo = sortNo;
		apply(spec);
	}

	void apply(ItemSpec spec) {
		this.title = spec.title();
		this.target = spec.target();
		this.measure = spec.measure();
		this.weight = spec.weight();
		this.evidenceRequired = spec.evidenceRequired();
		this.dueOn = spec.dueOn();
		this.categories = spec.categories().isEmpty() ? null
				: spec.categories().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		this.posts = spec.posts().isEmpty() ? null : spec.posts().stream().sorted().collect(Collectors.joining(","));
		this.forUnit = spec.forUnit();
	}

	ItemSpec spec() {
		Set<StaffCategory> categorySet = new LinkedHashSet<>();
		if (categories != null) {
			Arrays.stream(categories.split(",")).map(StaffCategory::valueOf).forEach(categorySet::add);
		}
		Set<String> postSet = posts == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(posts.split(",")));
		return new ItemSpec(title, target, measure, weight, evidenceRequired, dueOn, categorySet, postSet, forUnit);
	}

	ItemView view() {
		ItemSpec spec = spec();
		return new ItemView(id, sortNo, title, target, measure, weight, evidenceRequired, dueOn, spec.categories(),
				spec.posts(), forUnit);
	}

	Long getId() {
		return id;
	}

	Owner getOwnerKind() {
		return ownerKind;
	}

	Long getOwnerId() {
		return ownerId;
	}

	Long getSourceId() {
		return sourceId;
	}

	int getSortNo() {
		return sortNo;
	}

	String getTitle() {
		return title;
	}

}
