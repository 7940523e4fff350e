package io.github.kenshinbooking.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HARD-5 in the policy: PBKDF2 below PW-3's 600,000 iterations is a configuration error. */
class PasswordPolicyTest {

    @Test
    @DisplayName("HARD-5 the floor is PW-3's number, 600,000 iterations")
    void hard5_floorIsPw3() {
        assertThat(PasswordPolicy.MIN_PBKDF2_ITERATIONS).isEqualTo(600_000);
    }

    @Test
    @DisplayName("HARD-5 599,999 iterations are refused, naming the key and the floor")
    void hard5_belowFloorRefused() {
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> new PasswordPolicy("kenren", 8, 64, 599_999));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("passwords.pbkdf2Iterations").contains("600000").contains("599999");
    }

    @Test
    @DisplayName("HARD-5 the cheap costs tests used to configure (1,000 and 1) are refused too")
    void hard5_testCostsRefused() {
        for (int low : new int[] {1_000, 1, 0, -1}) {
            IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                    () -> new PasswordPolicy("kenren", 8, 64, low));
            assertThat(e).as("%d iterations", low).isNotNull();
            assertThat(e.getMessage()).contains("passwords.pbkdf2Iterations");
        }
    }

    @Test
    @DisplayName("HARD-5 exactly 600,000 and more are accepted")
    void hard5_floorAccepted() {
        assertThat(new PasswordPolicy("kenren", 8, 64, 600_000).pbkdf2Iterations()).isEqualTo(600_000);
        assertThat(new PasswordPolicy("kenren", 8, 64, 1_200_000).pbkdf2Iterations()).isEqualTo(1_200_000);
        assertThat(PasswordPolicy.defaults().pbkdf2Iterations()).isEqualTo(600_000);
    }
}
