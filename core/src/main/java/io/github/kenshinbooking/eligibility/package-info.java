/** Fiscal years (ELIG-1), Japanese legal age and eligibility (ELIG-2, ELIG-3), subsidy age (SUB-1). */
package io.github.kenshinbooking.eligibility;
