/**
 * Data exchange with clinics and the union (DATA-1..DATA-4): the roster's query and rows, the rows of
 * slot and member imports as text, import and retention reports, and the anonymised values a purge
 * leaves. Formats (CSV) live in the {@code csv} module.
 */
package io.github.kenshinbooking.exchange;
