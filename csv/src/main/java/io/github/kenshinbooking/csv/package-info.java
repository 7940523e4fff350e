/**
 * CSV for the data exchange (DATA-1..DATA-3) on Jackson's CSV format, streaming both ways: the roster
 * (受診者名簿) for the checkup institutions ({@link io.github.kenshinbooking.csv.RosterCsv}: UTF-8 with BOM by
 * default, Windows-31J on request) and the slot and member imports from the union
 * ({@link io.github.kenshinbooking.csv.CsvImport}: header row required, BOM tolerated, line-numbered errors).
 */
package io.github.kenshinbooking.csv;
