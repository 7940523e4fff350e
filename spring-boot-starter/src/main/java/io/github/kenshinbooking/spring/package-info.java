/**
 * Spring Boot auto-configuration of kenshin-booking: add {@code kenshin-booking-spring-boot-starter}, a
 * {@code DataSource} and {@code kenshin.*} properties, and the application has the
 * {@link io.github.kenshinbooking.KenshinBooking} engine over its database, the library's migrations applied
 * beside its own, the mail relay and the reminder job on a schedule, Micrometer metrics and the
 * {@code kenshinMail} health indicator. See {@link io.github.kenshinbooking.spring.KenshinBookingAutoConfiguration}.
 */
package io.github.kenshinbooking.spring;
