package org.plenary.curation;

import static org.plenary.curation.Curators.ADMIN;
import static org.plenary.curation.Curators.as;
import static org.plenary.curation.Curators.token;

import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up the curation flow's test classes share: before each test, the login throttle reset and
 * new tokens (two editors and a reviewer); after it, the throttle reset again and the change sets
 * the test left approved handed to {@link #leftApproved}, so that no other test releases them.
 */
abstract class WithCurators {
  @Inject AuthThrottle throttle;

  String editor;
  String editor2;
  String reviewer;

  @BeforeEach
  void tokens() {
    throttle.reset();
    editor = token("editor");
    editor2 = token("editor");
    reviewer = token("reviewer");
  }

  @AfterEach
  void nothingLeftApproved() {
    throttle.reset();
    List<Integer> approved =
        as(ADMIN).get("/v1/changes?status=approved").then().extract().path("data.id");
    leftApproved(approved);
  }

  /** What becomes of the change sets a test left approved (the ids, maybe none). */
  abstract void leftApproved(List<Integer> approved);
}
