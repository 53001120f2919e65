package io.zeren.organisation;

/** A staff member's position inside their own unit. */
public enum UnitRole implements Labelled {

	HEAD("负责人"), DEPUTY("副职"), MEMBER("成员");

	private final String label;

	UnitRole(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

}
