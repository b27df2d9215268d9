package vn.motcua.organisation;

/** Published after a user was created or changed, so that other parts (the engine's identity) follow. */
public record UserSaved(String username) { }
