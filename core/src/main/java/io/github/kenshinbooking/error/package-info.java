/** Refusal codes of RULES.md ("Error codes") and the checked {@link io.github.kenshinbooking.error.Refusal}. */
package io.github.kenshinbooking.error;
