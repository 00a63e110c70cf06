/**
 * The one boundary to the BPMN engine (Operaton, embedded): only this package imports {@code org.operaton}. It speaks
 * Rentrée's words to the other features: processes started for a record, the inbox of human steps, service steps
 * contributed by name, current steps and incidents.
 */
@NullMarked
package fr.rentree.process;

import org.jspecify.annotations.NullMarked;
