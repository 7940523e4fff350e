/**
 * The runnable jar: {@code scenarios} runs compliance scenarios (SCENARIOS.md) against a storage
 * target, {@code demo} tells the manual's story in the terminal. {@link io.github.kenshinbooking.examples.Main}
 * is the entry point.
 */
package io.github.kenshinbooking.examples;
