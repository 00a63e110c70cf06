package fr.rentree.siecle.domain;

/** An error refuses the whole import (nothing is written); a warning is shown and the import may go on. */
public enum Severity {
    ERROR, WARNING
}
