/** The checkup subsidy (SUB-1, SUB-2). */
package io.github.kenshinbooking.subsidy;
