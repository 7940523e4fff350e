/**
 * Fiscal years (ELIG-1), Japanese legal age and eligibility (ELIG-2, ELIG-3), subsidy age (SUB-1); the
 * union's courses and optional tests and who may book them (コース・オプション検査, CRS-1, OPT-1):
 * {@link io.github.kenshinbooking.eligibility.CourseCatalog}.
 */
package io.github.kenshinbooking.eligibility;
