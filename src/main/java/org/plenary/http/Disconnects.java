package org.plenary.http;

import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.plenary.query.StatementBudget;

/**
 * Cancels a request's SQL when its client goes away: a cancellation is bound to the thread that
 * serves the request (filters run on the resource's thread), and cancelled if the connection closes
 * before the response has ended.
 */
public class Disconnects {

  @ServerRequestFilter
  public void bind(RoutingContext ctx) {
    StatementBudget.Cancellation c = StatementBudget.bind();
    ctx.addEndHandler(
        done -> {
          if (done.failed()) {
            c.cancel();
          }
        });
  }

  @ServerResponseFilter
  public void unbind() {
    StatementBudget.unbind();
  }
}
