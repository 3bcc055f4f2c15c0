/** The convention, its signatures, and its status against the official count. */
package org.plenary.treaty;
