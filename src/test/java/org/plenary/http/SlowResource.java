package org.plenary.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.plenary.query.QueryEngine;

/**
 * Test-only: a statement that runs as long as asked (pg_sleep), through the read engine and its
 * statement budget, to test the timeout, the 503 and the cancellation on disconnect. With q= it
 * counts as an expensive request. Not part of the service (src/test) nor of its contract.
 */
@Path(Api.V1 + "/test-only/sleep")
public class SlowResource {
  @Inject QueryEngine engine;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public Map<String, Object> sleep(@QueryParam("seconds") double seconds) {
    engine.rows("select pg_sleep(?) as slept, 'plenary-test-sleep' as tag", seconds);
    return Map.of("slept", seconds);
  }
}
