package org.plenary.curation;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a bearer token into an identity: its name, and its role with the roles below it. */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
  /** The attribute holding the token's own role (editor, reviewer or admin). */
  public static final String ROLE = "plenary.role";

  @Inject TokenService tokens;

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(
        () -> {
          var caller =
              tokens
                  .authenticate(request.getToken().getToken())
                  .orElseThrow(() -> new AuthenticationFailedException("unknown token"));
          return QuarkusSecurityIdentity.builder()
              .setPrincipal(new QuarkusPrincipal(caller.name()))
              .addRoles(Roles.granted(caller.role()))
              .addAttribute(ROLE, caller.role())
              .build();
        });
  }
}
