package fr.rentree.siecle;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fr.rentree.siecle.domain.ExportFile;

/**
 * A small collège as its three exports say it: four pupils (a double name, siblings, an apostrophe, one not yet in a
 * class), their guardians (two share an e-mail, one has none, a grandmother is a contact only, one person is linked
 * to nobody) and three staff members (one teaches a group only). Tests change the texts to make the defects of real
 * files.
 */
public final class SiecleSamples {

    public static final Charset LATIN_9 = Charset.forName("ISO-8859-15");

    private final Path folder;
    private final String uai;
    private final int year;

    public SiecleSamples(Path folder, String uai, int year) {
        this.folder = folder;
        this.uai = uai;
        this.year = year;
    }

    public int year() {
        return year;
    }

    public String pupils() {
        return """
                <?xml version="1.0" encoding="ISO-8859-15"?>
                <BEE_ELEVES VERSION="3.5">
                <PARAMETRES>
                <UAJ>%1$s</UAJ>
                <ANNEE_SCOLAIRE>%2$d</ANNEE_SCOLAIRE>
                <DATE_EXPORT>01/09/%2$d</DATE_EXPORT>
                <HORODATAGE>01/09/%2$d 08:00:00</HORODATAGE>
                </PARAMETRES>
                <DONNEES>
                <STRUCTURES>
                <STRUCTURES_ELEVE ELEVE_ID="1001">
                <STRUCTURE><CODE_STRUCTURE>6A</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>
                <STRUCTURE><CODE_STRUCTURE>LATIN</CODE_STRUCTURE><TYPE_STRUCTURE>G</TYPE_STRUCTURE></STRUCTURE>
                </STRUCTURES_ELEVE>
                <STRUCTURES_ELEVE ELEVE_ID="1002">
                <STRUCTURE><CODE_STRUCTURE>6A</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>
                </STRUCTURES_ELEVE>
                <STRUCTURES_ELEVE ELEVE_ID="1003">
                <STRUCTURE><CODE_STRUCTURE>5B</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>
                </STRUCTURES_ELEVE>
                </STRUCTURES>
                <ELEVES>
                <ELEVE ELEVE_ID="1001" ELENOET="101">
                <ID_NATIONAL>0123456789A</ID_NATIONAL>
                <NOM_DE_FAMILLE>MARTIN--DUPONT</NOM_DE_FAMILLE>
                <NOM_USAGE/>
                <PRENOM>Zoé</PRENOM>
                <PRENOM2>Marie</PRENOM2>
                <DATE_NAISS>12/03/2014</DATE_NAISS>
                <CODE_SEXE>2</CODE_SEXE>
                <CODE_MEF>10010012110</CODE_MEF>
                <DATE_ENTREE>01/09/%2$d</DATE_ENTREE>
                </ELEVE>
                <ELEVE ELEVE_ID="1002" ELENOET="102">
                <ID_NATIONAL>0123456789B</ID_NATIONAL>
                <NOM_DE_FAMILLE>BŒUF</NOM_DE_FAMILLE>
                <NOM_USAGE></NOM_USAGE>
                <PRENOM>Noël</PRENOM>
                <DATE_NAISS>02/11/2014</DATE_NAISS>
                <CODE_SEXE>1</CODE_SEXE>
                <DATE_ENTREE>01/09/%2$d</DATE_ENTREE>
                </ELEVE>
                <ELEVE ELEVE_ID="1003" ELENOET="103">
                <ID_NATIONAL>0123456789C</ID_NATIONAL>
                <NOM_DE_FAMILLE>BŒUF</NOM_DE_FAMILLE>
                <PRENOM>Anne-Sophie</PRENOM>
                <DATE_NAISS>30/06/2013</DATE_NAISS>
                <CODE_SEXE>2</CODE_SEXE>
                <MEL>anne-sophie.boeuf@exemple.fr</MEL>
                </ELEVE>
                <ELEVE ELEVE_ID="1004" ELENOET="104">
                <NOM_DE_FAMILLE>N'DIAYE</NOM_DE_FAMILLE>
                <PRENOM>Moussa</PRENOM>
                <DATE_NAISS>14/07/2014</DATE_NAISS>
                <CODE_SEXE>1</CODE_SEXE>
                </ELEVE>
                </ELEVES>
                </DONNEES>
                </BEE_ELEVES>
                """.formatted(uai, year);
    }

    public String guardians() {
        return """
                <?xml version="1.0" encoding="ISO-8859-15"?>
                <BEE_RESPONSABLES VERSION="3.5">
                <PARAMETRES>
                <UAJ>%1$s</UAJ>
                <ANNEE_SCOLAIRE>%2$d</ANNEE_SCOLAIRE>
                <DATE_EXPORT>01/09/%2$d</DATE_EXPORT>
                </PARAMETRES>
                <DONNEES>
                <PERSONNES>
                <PERSONNE PERSONNE_ID="2001">
                <LC_CIVILITE>MME</LC_CIVILITE>
                <NOM_DE_FAMILLE>MARTIN</NOM_DE_FAMILLE>
                <PRENOM>Claire</PRENOM>
                <MEL>claire.martin@exemple.fr</MEL>
                </PERSONNE>
                <PERSONNE PERSONNE_ID="2002">
                <LC_CIVILITE>M.</LC_CIVILITE>
                <NOM_DE_FAMILLE>BŒUF</NOM_DE_FAMILLE>
                <PRENOM>Jérôme</PRENOM>
                <MEL>famille.boeuf@exemple.fr</MEL>
                </PERSONNE>
                <PERSONNE PERSONNE_ID="2003">
                <LC_CIVILITE>MME</LC_CIVILITE>
                <NOM_DE_FAMILLE>LEFÈVRE</NOM_DE_FAMILLE>
                <NOM_USAGE>BŒUF</NOM_USAGE>
                <PRENOM>Hélène</PRENOM>
                <MEL>famille.boeuf@exemple.fr</MEL>
                </PERSONNE>
                <PERSONNE PERSONNE_ID="2004">
                <LC_CIVILITE>M.</LC_CIVILITE>
                <NOM_DE_FAMILLE>N'DIAYE</NOM_DE_FAMILLE>
                <PRENOM>Ibrahima</PRENOM>
                </PERSONNE>
                <PERSONNE PERSONNE_ID="2005">
                <LC_CIVILITE>MME</LC_CIVILITE>
                <NOM_DE_FAMILLE>DUPONT</NOM_DE_FAMILLE>
                <PRENOM>Yvette</PRENOM>
                </PERSONNE>
                <PERSONNE PERSONNE_ID="2006">
                <NOM_DE_FAMILLE>PERSONNE</NOM_DE_FAMILLE>
                <PRENOM>Sans-Lien</PRENOM>
                </PERSONNE>
                </PERSONNES>
                <RESPONSABLES>
                <RESPONSABLE_ELEVE><ELEVE_ID>1001</ELEVE_ID><PERSONNE_ID>2001</PERSONNE_ID><CODE_PARENTE>10</CODE_PARENTE><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE></RESPONSABLE_ELEVE>
                <RESPONSABLE_ELEVE><ELEVE_ID>1002</ELEVE_ID><PERSONNE_ID>2002</PERSONNE_ID><CODE_PARENTE>20</CODE_PARENTE><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE></RESPONSABLE_ELEVE>
                <RESPONSABLE_ELEVE><ELEVE_ID>1003</ELEVE_ID><PERSONNE_ID>2002</PERSONNE_ID><CODE_PARENTE>20</CODE_PARENTE><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE></RESPONSABLE_ELEVE>
                <RESPONSABLE_ELEVE><ELEVE_ID>1002</ELEVE_ID><PERSONNE_ID>2003</PERSONNE_ID><CODE_PARENTE>10</CODE_PARENTE><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE></RESPONSABLE_ELEVE>
                <RESPONSABLE_ELEVE><ELEVE_ID>1003</ELEVE_ID><PERSONNE_ID>2003</PERSONNE_ID><CODE_PARENTE>10</CODE_PARENTE><NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE></RESPONSABLE_ELEVE>
                <RESPONSABLE_ELEVE><ELEVE_ID>1004</ELEVE_ID><PERSONNE_ID>2004</PERSONNE_ID><CODE_PARENTE>20</CODE_PARENTE><RESP_LEGAL>1</RESP_LEGAL></RESPONSABLE_ELEVE>
                <RESPONSABLE_ELEVE><ELEVE_ID>1001</ELEVE_ID><PERSONNE_ID>2005</PERSONNE_ID><CODE_PARENTE>38</CODE_PARENTE><NIVEAU_RESPONSABILITE>3</NIVEAU_RESPONSABILITE></RESPONSABLE_ELEVE>
                </RESPONSABLES>
                </DONNEES>
                </BEE_RESPONSABLES>
                """.formatted(uai, year);
    }

    public String staff() {
        return """
                <?xml version="1.0" encoding="ISO-8859-15"?>
                <STS_EDT>
                <PARAMETRES>
                <UAJ CODE="%1$s"/>
                <ANNEE_SCOLAIRE ANNEE="%2$d"/>
                <HORODATAGE>01/09/%2$d 08:00:00</HORODATAGE>
                </PARAMETRES>
                <DONNEES>
                <INDIVIDUS>
                <INDIVIDU ID="3001" TYPE="epp">
                <NOM_USAGE>DURAND</NOM_USAGE>
                <NOM_PATRONYMIQUE>DURAND</NOM_PATRONYMIQUE>
                <PRENOM>Béatrice</PRENOM>
                <CIVILITE>2</CIVILITE>
                <SEXE>2</SEXE>
                <DATE_NAISSANCE>1980-05-17</DATE_NAISSANCE>
                <FONCTION>ENS</FONCTION>
                <DISCIPLINES><DISCIPLINE CODE="L0202"><LIBELLE_COURT>LETTRES MODERNES</LIBELLE_COURT></DISCIPLINE></DISCIPLINES>
                <PROFS_PRINC><PROF_PRINC><CODE_STRUCTURE>6A</CODE_STRUCTURE><DATE_FIN>%3$d-07-04</DATE_FIN></PROF_PRINC></PROFS_PRINC>
                </INDIVIDU>
                <INDIVIDU ID="3002" TYPE="epp">
                <NOM_USAGE>LEROY</NOM_USAGE>
                <PRENOM>François</PRENOM>
                <SEXE>1</SEXE>
                <DATE_NAISSANCE>1971-01-30</DATE_NAISSANCE>
                <FONCTION>DIR</FONCTION>
                </INDIVIDU>
                <INDIVIDU ID="3003" TYPE="local">
                <NOM_USAGE>D'ALMEIDA</NOM_USAGE>
                <PRENOM>Jean Baptiste</PRENOM>
                <FONCTION>ENS</FONCTION>
                </INDIVIDU>
                </INDIVIDUS>
                <STRUCTURE>
                <DIVISIONS>
                <DIVISION CODE="6A"><LIBELLE_LONG>6EME A</LIBELLE_LONG>
                <SERVICES><SERVICE CODE_MATIERE="020700"><ENSEIGNANTS><ENSEIGNANT ID="3001" TYPE="epp"/></ENSEIGNANTS></SERVICE></SERVICES>
                </DIVISION>
                <DIVISION CODE="5B"><LIBELLE_LONG>5EME B</LIBELLE_LONG>
                <SERVICES><SERVICE CODE_MATIERE="020700"><ENSEIGNANTS><ENSEIGNANT ID="3001" TYPE="epp"/></ENSEIGNANTS></SERVICE></SERVICES>
                </DIVISION>
                </DIVISIONS>
                <GROUPES>
                <GROUPE CODE="5LATIN"><LIBELLE_LONG>LATIN 5EME</LIBELLE_LONG>
                <DIVISIONS_APPARTENANCE><DIVISION_APPARTENANCE CODE="5B"/></DIVISIONS_APPARTENANCE>
                <SERVICES><SERVICE CODE_MATIERE="020300"><ENSEIGNANTS><ENSEIGNANT ID="3003" TYPE="local"/></ENSEIGNANTS></SERVICE></SERVICES>
                </GROUPE>
                </GROUPES>
                </STRUCTURE>
                </DONNEES>
                </STS_EDT>
                """.formatted(uai, year, year + 1);
    }

    public String staffFileName() {
        return "sts_emp_" + uai + "_" + year + ".xml";
    }

    /** The three exports as a school downloads them: pupils zipped, the two others bare, all in Latin-9. */
    public ExportFile[] all() {
        return new ExportFile[] {zip("ElevesSansAdresses.zip", "ElevesSansAdresses.xml", pupils()),
                file("ResponsablesAvecAdresses.xml", guardians()), file(staffFileName(), staff())};
    }

    public ExportFile file(String name, String xml) {
        return file(name, xml.getBytes(LATIN_9));
    }

    public ExportFile file(String name, byte[] bytes) {
        try {
            Path path = Files.createTempFile(folder, "export-", "-" + name);
            Files.write(path, bytes);
            return new ExportFile(name, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of the given entries: name, content, name, content... */
    public ExportFile zip(String name, String... entries) {
        try {
            Path path = Files.createTempFile(folder, "export-", "-" + name);
            try (OutputStream out = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (int i = 0; i < entries.length; i += 2) {
                    zip.putNextEntry(new ZipEntry(entries[i]));
                    zip.write(entries[i + 1].getBytes(LATIN_9));
                    zip.closeEntry();
                }
            }
            return new ExportFile(name, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
