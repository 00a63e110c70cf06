package fr.rentree.siecle.service;

import org.jspecify.annotations.Nullable;

/**
 * The PARAMETRES of an export: which school and school year it is about.
 *
 * @param source the timetable tool that produced an STS-web file (APPLICATION_SOURCE), if not STS-web itself
 */
record ExportHeader(@Nullable String uai, @Nullable String year, @Nullable String source) {

    /** BEE files give the UAI and year as texts; STS-web as attributes ({@code UAJ CODE=}, {@code ANNEE=}). */
    static ExportHeader of(Fields parameters) {
        String uai = parameters.text("UAJ") != null ? parameters.text("UAJ") : parameters.text("UAJ@CODE");
        String year = parameters.text("ANNEE_SCOLAIRE") != null ? parameters.text("ANNEE_SCOLAIRE")
                : parameters.text("ANNEE_SCOLAIRE@ANNEE");
        return new ExportHeader(uai, year, parameters.text("APPLICATION_SOURCE"));
    }
}
