package org.plenary.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The canonical form of a resolution symbol: the ways sources write one resolution are one. */
class SymbolsTest {
  @Test
  void theWaysSourcesWriteOneResolutionAreOne() {
    assertEquals("73/187", Symbols.canonical("A/RES/73/187"));
    assertEquals("73/187", Symbols.canonical("R/73/187"));
    assertEquals("73/187", Symbols.canonical("73/187"));
    assertEquals("73/187", Symbols.canonical(" a/res/73/187 "));
    assertEquals("ES-10/19", Symbols.canonical("A/RES/ES-10/19"));
    assertEquals("1/66A", Symbols.canonical("R/1/66A"));
  }

  @Test
  void beforeThe31stSessionTheSessionIsInRomanNumeralsAfterTheNumber() {
    assertEquals("3/217", Symbols.canonical("A/RES/217(III)"));
    assertEquals("3/217", Symbols.canonical("R/3/217"));
    assertEquals("30/3379", Symbols.canonical("A/RES/3379 (XXX)"));
    assertEquals("29/3236", Symbols.canonical("A/RES/3236(XXIX)"));
  }

  @Test
  void nothingIsNothing() {
    assertNull(Symbols.canonical(null));
    assertNull(Symbols.canonical(" "));
  }
}
