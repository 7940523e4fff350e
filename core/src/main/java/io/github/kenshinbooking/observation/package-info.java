/**
 * What the engine tells an observer after each use case: {@link io.github.kenshinbooking.observation.EngineObserver}
 * (set on {@link io.github.kenshinbooking.KenshinBooking.Builder#observer}), for metrics and audit logs
 * outside the engine. Framework-free: it depends on the error codes only.
 */
package io.github.kenshinbooking.observation;
