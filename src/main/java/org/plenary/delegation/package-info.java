/**
 * Delegations (member states and other actors): their collection, their voting history, and the
 * agreement between two delegations or against all the others ({@link
 * org.plenary.delegation.AgreementService}, aggregated in SQL, with typed results).
 */
package org.plenary.delegation;
