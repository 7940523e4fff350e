package io.github.kenshinbooking.web;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.staff.StaffMember;
import io.github.kenshinbooking.staff.StaffRole;
import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in union staff member (組合職員) of the staff console: who, with which role, since when. Kept in
 * the staff's HTTP session, so it holds plain values only. {@code ROLE_STAFF} for every staff member,
 * {@code ROLE_ADMIN} besides for an administrator. Never {@code ROLE_HOUSEHOLD}. Immutable.
 */
public final class StaffAuthentication extends AbstractAuthenticationToken {
    private static final long serialVersionUID = 1L;

    private final String staffId;
    private final String displayName;
    private final StaffRole role;
    private final Instant signedInAt;

    StaffAuthentication(StaffMember member, Instant signedInAt) {
        super(authorities(member.role()));
        this.staffId = member.id().value();
        this.displayName = member.displayName();
        this.role = member.role();
        this.signedInAt = requireNonNull(signedInAt, "signedInAt");
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(StaffRole role) {
        return role == StaffRole.ADMIN
                ? List.of(new SimpleGrantedAuthority("ROLE_STAFF"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_STAFF"));
    }

    /** @return the staff id, as every staff action names it (STAFF-4) */
    public StaffId staffId() {
        return new StaffId(staffId);
    }

    /** @return the name shown */
    public String displayName() {
        return displayName;
    }

    /** @return staff or administrator */
    public StaffRole role() {
        return role;
    }

    /** @return whether the staff member may manage staff accounts */
    public boolean isAdmin() {
        return role == StaffRole.ADMIN;
    }

    /** @return when the staff member signed in (start of the absolute expiry) */
    public Instant signedInAt() {
        return signedInAt;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return staffId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaffAuthentication other && other.staffId.equals(staffId)
                && other.signedInAt.equals(signedInAt);
    }

    @Override
    public int hashCode() {
        return staffId.hashCode() * 31 + signedInAt.hashCode();
    }
}
