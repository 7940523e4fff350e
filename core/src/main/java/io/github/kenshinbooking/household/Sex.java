package io.github.kenshinbooking.household;

/** 性別 as the member records hold it. */
public enum Sex {
    /** 男性 */
    M,
    /** 女性 */
    F
}
