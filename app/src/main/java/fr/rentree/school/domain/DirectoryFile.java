package fr.rentree.school.domain;

import java.util.List;
import java.util.Map;

/**
 * An export of the national directory of schools ("Annuaire de l'éducation", CSV with {@code ;}) as read: the schools
 * Rentrée serves, the lines it could not take, and how many lines of each other type it left aside.
 *
 * @param schools  the écoles, collèges and lycées of the file, each UAI once
 * @param problems the lines refused (a wrong UAI, no name, a UAI twice), in file order; a file with problems is
 *                 imported without those lines
 * @param ignored  by directory type ("Information et orientation", "Service Administratif"…), the lines of
 *                 establishments that have no ENT accounts
 * @param windows1252 whether the file was not UTF-8 and was read as Windows-1252 (a spreadsheet's "CSV" save)
 */
public record DirectoryFile(String fileName, List<School> schools, List<DirectoryProblem> problems,
                            Map<String, Integer> ignored, boolean windows1252) {

    public DirectoryFile {
        schools = List.copyOf(schools);
        problems = List.copyOf(problems);
        ignored = Map.copyOf(ignored);
    }

    /** One line refused: its number in the file (the header is line 1), and why as a bundle key with arguments. */
    public record DirectoryProblem(long line, String messageKey, List<String> arguments) {

        public DirectoryProblem {
            arguments = List.copyOf(arguments);
        }
    }
}
