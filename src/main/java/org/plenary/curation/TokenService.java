package org.plenary.curation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.plenary.config.PlenaryConfig;
import org.plenary.refusal.Refusal;

/**
 * Bearer tokens. {@code PLENARY_ADMIN_TOKEN} is the bootstrap admin (named "admin"); other tokens
 * are created by an admin, shown once, and stored only as a SHA-256 hash.
 */
@ApplicationScoped
public class TokenService {
  /** Who is calling: the token's name and role. */
  public record Caller(String name, String role) {}

  /** A new token, shown once. */
  public record CreatedToken(Long id, String name, String role, String token, String createdBy) {}

  static final String BOOTSTRAP_NAME = "admin";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject ApiTokenRepository tokens;
  @Inject PlenaryConfig config;

  /** The caller a token stands for, if it is known. */
  public Optional<Caller> authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 512) {
      return Optional.empty();
    }
    String hash = hash(token);
    Optional<String> admin = config.adminToken().filter(t -> !t.isBlank());
    if (admin.isPresent()
        && MessageDigest.isEqual(
            hash.getBytes(StandardCharsets.US_ASCII),
            hash(admin.get()).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(new Caller(BOOTSTRAP_NAME, Roles.ADMIN));
    }
    return QuarkusTransaction.joiningExisting()
        .call(() -> tokens.findByHash(hash).map(t -> new Caller(t.name, t.role)));
  }

  /** Creates a token; its secret is returned here and never again. */
  public CreatedToken create(String name, String role, String createdBy) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = "pln_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              if (name.equals(BOOTSTRAP_NAME) || tokens.nameTaken(name)) {
                throw new Refusal(
                    Refusal.Kind.CONFLICT,
                    "A token named '" + name + "' exists already: names identify authors.",
                    null);
              }
              ApiToken t = new ApiToken();
              t.name = name;
              t.role = role;
              t.tokenHash = hash(token);
              t.createdBy = createdBy;
              t.createdAt = OffsetDateTime.now();
              tokens.persist(t);
              return new CreatedToken(t.id, name, role, token, createdBy);
            });
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
