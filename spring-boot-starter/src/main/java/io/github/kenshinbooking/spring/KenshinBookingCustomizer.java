package io.github.kenshinbooking.spring;

import io.github.kenshinbooking.KenshinBooking;

/**
 * Changes the engine's builder after the starter has set policy, clock, storage, directory, password
 * hasher and observers, before the engine is built; every bean of this type is applied, in
 * {@link org.springframework.core.annotation.Order} order. The starter's metrics use one to time the
 * password hasher.
 */
@FunctionalInterface
public interface KenshinBookingCustomizer {
    /**
     * Changes the builder.
     *
     * @param builder the engine's builder
     */
    void customize(KenshinBooking.Builder builder);
}
