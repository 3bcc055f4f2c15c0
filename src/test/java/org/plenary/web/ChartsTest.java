package org.plenary.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plenary.delegation.Agreement;

/** The SVG charts on their own: the numbers in their text alternatives, and the edge cases. */
class ChartsTest {

  @Test
  void agreementOverTimeNeedsTwoYears() {
    String none = Charts.agreement("ag", "France", "Peru", List.of());
    assertTrue(none.contains("Not enough data"));
    assertTrue(none.contains("No recorded vote where both took part."));
    String one =
        Charts.agreement(
            "ag", "France", "Peru", List.of(new Agreement.Year(2019, 2, 2, 2, 1, 1, 0, 0.5, 0.5)));
    assertTrue(one.contains("Not enough data"));
    assertTrue(one.contains("Recorded votes in one year only (2019)."));
    String two =
        Charts.agreement(
            "ag",
            "France",
            "Peru",
            List.of(
                new Agreement.Year(2018, 2, 2, 1, 1, 0, 1, 1.0, 0.75),
                new Agreement.Year(2019, 1, 1, 1, 1, 0, 0, 1.0, 1.0)));
    assertFalse(two.contains("Not enough data"));
    assertTrue(
        two.contains(
            "<desc id=\"ag-desc\">Voeten agreement index per year: 2018 75% over 2 votes; 2019 100%"
                + " over 1 vote;</desc>"),
        two);
    assertTrue(two.contains(">75%</text>") && two.contains(">100%</text>"), "bars are labelled");
  }

  @Test
  void anUnknownCountIsWrittenUnknownAndNotDrawn() {
    Map<String, Object> vote = new HashMap<>();
    vote.put("yes", 23);
    vote.put("no", 102);
    vote.put("abstain", null);
    vote.put("non_voting", null);
    vote.put("outcome", "rejected");
    String svg = Charts.tally("tb", "Iran's proposal <to delete> & more", vote);
    assertTrue(svg.contains("Yes: 23, No: 102, Abstain: unknown, Not voting: unknown"), svg);
    assertTrue(svg.contains("Iran&#39;s proposal &lt;to delete&gt; &amp; more"), "escaped");
    assertEquals(1, count(svg, "height=\"44\" fill=\"url(#tb-yes)\""), "a yes segment");
    assertEquals(1, count(svg, "height=\"44\" fill=\"url(#tb-no)\""), "a no segment");
    assertEquals(0, count(svg, "height=\"44\" fill=\"url(#tb-abstain)\""), "no abstain segment");
    assertFalse(svg.contains(">0</text>"), "never drawn as zero");
  }

  @Test
  void everyDelegationIsAMarkWithItsOwnShapeAndName() {
    List<Map<String, Object>> rows =
        List.of(
            Map.of("delegation_name", "France", "regional_group", "weog", "vote", "no"),
            Map.of("delegation_name", "Peru", "regional_group", "grulac", "vote", "yes"),
            Map.of("delegation_name", "Chile", "regional_group", "grulac", "vote", "abstain"),
            Map.of(
                "delegation_name", "Fiji", "regional_group", "asia_pacific", "vote", "non_voting"));
    String svg = Charts.rollCall("rc", "A vote", "complete", rows);
    assertTrue(svg.contains("<rect x=") && svg.contains("<title>France: No</title></rect>"));
    assertTrue(svg.contains("<title>Peru: Yes</title></circle>"));
    assertTrue(svg.contains("<title>Chile: Abstain</title></polygon>"));
    assertTrue(svg.contains("<title>Fiji: Not voting</title></circle>"));
    assertTrue(
        svg.contains("Latin American and Caribbean Group: Yes 1, No 0, Abstain 1, Not voting 0."),
        svg);
  }

  @Test
  void aChartAloneHasAHeadingACreditAndRoomForThem() {
    Map<String, Object> vote =
        new HashMap<>(Map.of("yes", 1, "no", 2, "abstain", 3, "non_voting", 4));
    vote.put("outcome", "adopted");
    String inline = Charts.tally("tb", "A vote", vote);
    String alone =
        Charts.standalone(inline, "2019-12-27 · A vote", "Source: Plenary dataset 9.9.9");
    assertEquals(Charts.height(inline) + Charts.STANDALONE_EXTRA, Charts.height(alone));
    assertTrue(alone.contains(">2019-12-27 · A vote</text>"));
    assertTrue(alone.contains(">Source: Plenary dataset 9.9.9</text></svg>"));
    assertTrue(alone.contains("viewBox=\"0 0 720 " + Charts.height(alone) + "\""));
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
