package io.zeren.discipline;

/** 党纪处分, 政务处分, or another recorded measure with effects (诫勉, 组织处理). */
public enum SanctionCategory {
	PARTY, ADMINISTRATIVE, OTHER
}
