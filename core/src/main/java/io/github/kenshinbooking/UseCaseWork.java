package io.github.kenshinbooking;

import io.github.kenshinbooking.error.Refusal;

/** A use case's work that may answer a refusal, run by the code that tells the observer its outcome. */
@FunctionalInterface
interface UseCaseWork<T> {
    T run() throws Refusal;
}
