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
 * too often is refused before its token is even looked at (429), and every failure counts.
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
    long wait = throttle.retryAfterSeconds(client);
    if (wait > 0) {
      return Uni.createFrom().failure(TooManyFailures.exception(wait));
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
      throttle.failed(client);
      return Uni.createFrom()
          .failure(new AuthenticationFailedException("expected Authorization: Bearer <token>"));
    }
    var request =
        new TokenAuthenticationRequest(new TokenCredential(header.substring(7).trim(), "bearer"));
    HttpSecurityUtils.setRoutingContextAttribute(request, context);
    return identityProviderManager
        .authenticate(request)
        .onFailure()
        .invoke(e -> throttle.failed(client));
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
