package fr.rentree.siecle.service;

import java.util.List;

/**
 * Exports to try the import with, offered on the import screen: in dev, the demo school's generated SIECLE and STS-web
 * exports. There is no such bean in production.
 */
public interface SampleExports {

    /** The school's sample exports, in the order to drop them; none for a school that has no sample. */
    List<SampleExport> of(String uai);

    /** One file, named as SIECLE or STS-web names it. */
    record SampleExport(String name, byte[] content) {
    }
}
