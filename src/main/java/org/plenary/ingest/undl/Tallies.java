package org.plenary.ingest.undl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A roll call's counts; null where unknown. */
public record Tallies(Integer yes, Integer no, Integer abstain, Integer nonVoting) {
  public static final Tallies UNKNOWN = new Tallies(null, null, null, null);

  /** The fields, named as the dataset names them, in order. */
  public static final List<String> FIELDS = List.of("yes", "no", "abstain", "non_voting");

  public List<Integer> values() {
    List<Integer> v = new ArrayList<>(4);
    v.add(yes);
    v.add(no);
    v.add(abstain);
    v.add(nonVoting);
    return v;
  }

  /** Whether the two agree on every count both know. */
  public boolean agreesWith(Tallies o) {
    List<Integer> a = values();
    List<Integer> b = o.values();
    for (int i = 0; i < 4; i++) {
      if (a.get(i) != null && b.get(i) != null && !a.get(i).equals(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** How far apart the two are: the sum of the differences of the counts both know. */
  public int distance(Tallies o) {
    List<Integer> a = values();
    List<Integer> b = o.values();
    int d = 0;
    for (int i = 0; i < 4; i++) {
      if (a.get(i) != null && b.get(i) != null) {
        d += Math.abs(a.get(i) - b.get(i));
      }
    }
    return d;
  }

  /**
   * Whether two reports of yes, no and abstain can be one roll call's when nothing else (the date)
   * says so: each count known on both sides, and the three apart by at most a tenth of these yes,
   * no and abstain, or 3 (late votes, corrections).
   */
  public boolean closeTo(Integer y, Integer n, Integer a) {
    if (yes == null || no == null || abstain == null || y == null || n == null || a == null) {
      return true;
    }
    int apart = Math.abs(yes - y) + Math.abs(no - n) + Math.abs(abstain - a);
    return apart <= Math.max(3, (yes + no + abstain) / 10);
  }

  public boolean known() {
    return !Objects.equals(this, UNKNOWN);
  }
}
