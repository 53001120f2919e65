package io.zeren.organisation;

/** Staff categories: work differs by person and post (因人而异、因岗而别). */
public enum StaffCategory implements Labelled {

	LEADING_CADRE("领导干部"), NON_LEADING_CADRE("非领导干部"), PROFESSIONAL_TECHNICAL("专业技术人员"), EMPLOYEE("普通职工");

	private final String label;

	StaffCategory(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

}
