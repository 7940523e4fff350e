/**
 * Household accounts: login and lockout (AUTH-1..5), passwords (PW-1..3), e-mail (MAIL-ADDR-1),
 * reset links (RESET-1, RESET-2); their ports and use cases.
 */
package io.github.kenshinbooking.account;
