package org.plenary.query;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The read engine's setting under the prefix {@code plenary} ({@code config.PlenaryConfig}'s). */
@ConfigMapping(prefix = "plenary")
public interface CursorSettings {
  /**
   * The key that signs paging cursors ({@code PLENARY_CURSOR_KEY}). Unset: a random key is
   * generated once per deployment and kept in the database, so that every replica accepts every
   * replica's cursors.
   */
  Optional<String> cursorKey();
}
