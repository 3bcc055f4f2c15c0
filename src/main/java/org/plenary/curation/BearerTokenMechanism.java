package org.plenary.curation;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <token>}. No header: anonymous. A client whose attempts failed
 * too often is refused before an unknown token is even looked at (429), and every failure counts; a
 * token that authenticated before is checked as always ({@link AuthThrottle}).
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {
  @Inject AuthThrottle throttle;

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    String header = context.request().getHeader("Authorization");
    if (header == null) {
      return Uni.createFrom().nullItem();
    }
    String client = client(context);
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
      long wait = throttle.tryBegin(client);
      if (wait > 0) {
        return Uni.createFrom().failure(TooManyFailures.exception(wait));
      }
      throttle.failed(client);
      return Uni.createFrom()
          .failure(new AuthenticationFailedException("expected Authorization: Bearer <token>"));
    }
    String token = header.substring(7).trim();
    String hash = TokenService.hash(token);
    boolean known = throttle.known(hash);
    if (!known) {
      // an unknown credential takes one of the client's few slots before it is checked
      long wait = throttle.tryBegin(client);
      if (wait > 0) {
        return Uni.createFrom().failure(TooManyFailures.exception(wait));
      }
    }
    var request = new TokenAuthenticationRequest(new TokenCredential(token, "bearer"));
    HttpSecurityUtils.setRoutingContextAttribute(request, context);
    return identityProviderManager
        .authenticate(request)
        .onItemOrFailure()
        .invoke(
            (identity, failure) -> {
              if (failure == null) {
                if (!known) {
                  throttle.succeeded(client, hash);
                }
              } else if (known) {
                throttle.forget(hash);
                throttle.refused(client);
              } else {
                throttle.failed(client);
              }
            })
        .onCancellation()
        .invoke(
            () -> {
              if (!known) {
                throttle.failed(client); // the slot is given back as a failure
              }
            });
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(TokenAuthenticationRequest.class);
  }

  static String client(RoutingContext context) {
    var address = context.request().remoteAddress();
    return address == null ? "unknown" : address.host();
  }
}
