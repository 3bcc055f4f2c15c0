package org.plenary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one decision of a request's representation, on the raw request line and Accept header. */
class NegotiationTest {
  private static final String HOST = "http://localhost:8081";

  @ParameterizedTest(name = "{0} is answered as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/v1/votes | /v1/votes",
        "/v1/votes.csv | /v1/votes?format=csv",
        "/v1/votes.ndjson?outcome=adopted | /v1/votes?outcome=adopted&format=ndjson",
        "/v1/votes.json?format=csv&limit=2 | /v1/votes?limit=2&format=json",
        "/v1/votes/a-res-74-247/roll-call.csv?bom=true | /v1/votes/a-res-74-247/roll-call?bom=true&format=csv",
        "/v1/dumps/votes.csv | /v1/dumps/votes.csv",
        "/v1.csv | /v1.csv",
        "/q/openapi.json | /q/openapi.json",
        "/v1/votes?format=csv | /v1/votes?format=csv",
      })
  void aSuffixBecomesTheFormatParameter(String request, String effective) {
    assertEquals(HOST + effective, Negotiation.effectiveUri(HOST + request));
    assertEquals(effective, Negotiation.effectiveUri(request), "on a path without the host too");
  }

  @ParameterizedTest(name = "{0} with Accept [{1}] is {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "/v1/votes | - | json",
        "/v1/votes | '' | json",
        "/v1/votes?format=csv | - | csv",
        "/v1/votes?format=ndjson | text/csv | ndjson",
        "/v1/votes?format=csv&format=json | - | json",
        "/v1/votes?format=%63sv | - | csv",
        "/v1/votes?x=format%3Dcsv | - | json",
        "/v1/votes | */* | json",
        "/v1/votes | text/csv | csv",
        "/v1/votes | application/x-ndjson | ndjson",
        "/v1/votes | application/json; charset=utf-8 | json",
        "/v1/votes | text/csv;q=0.5, application/json | json",
        "/v1/votes | text/csv, application/json;q=0.9 | csv",
        "/v1/votes | text/csv, */* | csv",
        "/v1/votes | text/* | csv",
        "/v1/votes | application/* | json",
        "/v1/votes | text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | json",
        "/v1/votes | application/json;q=0, */* | csv",
      })
  void theFormatIsTheParameterThenAccept(String uri, String accept, String format) {
    Negotiation.Negotiated n = Negotiation.negotiate(HOST + uri, accept);
    assertEquals(format, n.format().extension());
    assertEquals(HOST + uri, n.uri());
    assertNull(n.refused());
  }

  @ParameterizedTest(name = "Accept [{0}] names no format")
  @CsvSource(
      delimiter = '|',
      value = {"application/xml", "image/png, text/html", "text/csv;q=0"})
  void anAcceptOfNoFormatIsLeftToTheFramework(String accept) {
    assertNull(Negotiation.negotiate(HOST + "/v1/votes", accept).format());
  }

  @ParameterizedTest(name = "format={0} is refused")
  @CsvSource({"xml", "CSV", "''"})
  void anUnknownFormatIsRefused(String value) {
    Negotiation.Negotiated n = Negotiation.negotiate(HOST + "/v1/votes?format=" + value, null);
    assertNull(n.format());
    assertEquals(value, n.refused());
  }
}
