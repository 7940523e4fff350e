/**
 * The reference web site (集団特定健診 WEB予約システム): the manual's screens over the engine, server-rendered
 * with Thymeleaf behind Spring Security. A household's login is the engine's session (SES-1) in a cookie,
 * so any instance over the same database serves the next request; forms carry their state, nothing lives
 * in an HTTP session.
 */
package io.github.kenshinbooking.web;
