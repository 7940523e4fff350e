/**
 * The {@link io.github.kenshinbooking.storage.Storage} bundle of persistence ports (the audit log and
 * staff accounts included) and the unit of work.
 */
package io.github.kenshinbooking.storage;
