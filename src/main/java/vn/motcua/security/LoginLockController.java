package vn.motcua.security;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.shared.NotFoundException;

/** Administrators' API of sign-in locks: list them, lift one (an account's or a client address's). */
@RestController
@RequestMapping(path = "/api/admin/login-locks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sign-in locks", description = "Khóa đăng nhập sau nhiều lần sai mật khẩu (administrators)")
class LoginLockController {
    private final LoginLocks locks;
    private final java.time.Clock clock;

    LoginLockController(LoginLocks locks, java.time.Clock clock) {
        this.locks = locks;
        this.clock = clock;
    }

    /** One entry of the list, as JSON. */
    record LockView(String kind, String subject, int failures, Instant lastFailureAt, Instant lockedUntil,
                    boolean locked, long retryAfterSeconds) { }

    @GetMapping
    @Operation(summary = "Locked accounts and client addresses, and those with failed sign-ins in the current window")
    List<LockView> list() {
        Instant now = clock.instant();
        return locks.list().stream().map(l -> new LockView(l.kind().name(), l.subject(), l.failures(), l.lastFailureAt(),
                l.lockedUntil(), l.lockedAt(now), l.remainingAt(now).toSeconds())).toList();
    }

    @DeleteMapping("/{username}")
    @Operation(summary = "Lift an account's lock and forget its failed sign-ins")
    ResponseEntity<Void> unlockAccount(@PathVariable String username) {
        if (!locks.unlockAccount(username)) throw new NotFoundException("security.locks.notFound", username);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/addresses/{address}")
    @Operation(summary = "Lift a client address's lock and forget its failed sign-ins")
    ResponseEntity<Void> unlockAddress(@PathVariable String address) {
        if (!locks.unlockAddress(address)) throw new NotFoundException("security.locks.notFound", address);
        return ResponseEntity.noContent().build();
    }
}
