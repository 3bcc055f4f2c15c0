package org.plenary.http;

/** Constants of the HTTP API. */
public final class Api {
  private Api() {}

  /** Every path of the API starts with this. */
  public static final String V1 = "/v1";

  /** The dataset version, on every response, so that a client knows when to refresh. */
  public static final String VERSION_HEADER = "X-Dataset-Version";

  public static final String TOTAL_HEADER = "X-Total-Count";

  /**
   * {@code path} as an absolute link, like every {@code links.self}: under the public base URL when
   * one is set (PublicUrl makes it the request's base), else the request's own scheme and host.
   */
  public static String absolute(jakarta.ws.rs.core.UriInfo uri, String path) {
    return uri.getBaseUriBuilder().replacePath(path).build().toString();
  }
}
