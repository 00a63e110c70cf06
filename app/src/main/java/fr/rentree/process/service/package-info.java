/** The process feature's services over the engine's, and the contract of the service steps features contribute. */
@NullMarked
package fr.rentree.process.service;

import org.jspecify.annotations.NullMarked;
