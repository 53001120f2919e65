package io.zeren.organisation;

/** Levels of the hierarchy: agency (机关) → department (处/支队) → section (科/大队). */
public enum UnitKind implements Labelled {

	AGENCY("机关"), DEPARTMENT("部门"), SECTION("科室");

	private final String label;

	UnitKind(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

}
