package io.github.kenshinbooking.archfixture.cycle.a;

import io.github.kenshinbooking.archfixture.cycle.b.Beta;

/** Half of a deliberate package cycle: shows that ArchitectureTest's cycle rule catches one. */
public final class Alpha {
    Beta beta;
}
