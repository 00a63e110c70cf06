/** What the other features see of the processes: plain values, no engine type. */
@NullMarked
package fr.rentree.process.domain;

import org.jspecify.annotations.NullMarked;
