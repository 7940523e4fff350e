/** The {@link io.github.kenshinbooking.storage.Storage} bundle of persistence ports and the unit of work. */
package io.github.kenshinbooking.storage;
