package io.github.kenshinbooking.archfixture.cycle.b;

import io.github.kenshinbooking.archfixture.cycle.a.Alpha;

/** The other half of the deliberate package cycle of {@link Alpha}. */
public final class Beta {
    Alpha alpha;
}
