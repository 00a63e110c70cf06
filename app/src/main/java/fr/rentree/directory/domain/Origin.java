package fr.rentree.directory.domain;

/** Where an account comes from: imported accounts follow their export, manual ones only the director. */
public enum Origin {
    SIECLE, STS_WEB, MANUAL
}
