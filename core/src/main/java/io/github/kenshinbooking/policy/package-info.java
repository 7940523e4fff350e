/** {@link io.github.kenshinbooking.policy.UnionPolicy}: every number of RULES.md as a per-union default. */
package io.github.kenshinbooking.policy;
