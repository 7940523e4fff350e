/** Helpers shared by the core packages; not API. */
package io.github.kenshinbooking.internal;
