/**
 * {@link io.github.kenshinbooking.policy.UnionPolicy} and its groups: every number of the rules as a
 * per-union default, validated when it is constructed.
 */
package io.github.kenshinbooking.policy;
