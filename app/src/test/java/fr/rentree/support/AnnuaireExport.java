package fr.rentree.support;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import fr.rentree.school.domain.Uai;

/**
 * Exports of the "Annuaire de l'éducation" as data.education.gouv.fr writes them: the public dataset's 72 columns
 * (labels as headers), semicolons, UTF-8 with a byte order mark. Lines are écoles, collèges and lycées of one
 * département, with a few structures Rentrée leaves aside (a CIO, an administrative service).
 */
public final class AnnuaireExport {

    public static final String HEADER = "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;"
            + "Statut_public_prive;Adresse_1;Adresse_2;Adresse_3;Code_postal;Code_commune;Nom_commune;"
            + "Code_departement;Code_academie;Code_region;Ecole_maternelle;Ecole_elementaire;Voie_generale;"
            + "Voie_technologique;Voie_professionnelle;Telephone;Fax;Web;Mail;Restauration;Hebergement;ULIS;"
            + "Apprentissage;Segpa;Section_arts;Section_cinema;Section_theatre;Section_sport;"
            + "Section_internationale;Section_europeenne;Lycee_Agricole;Lycee_militaire;Lycee_des_metiers;Post_BAC;"
            + "Appartenance_Education_Prioritaire;GRETA;SIREN_SIRET;Nombre_d_eleves;Fiche_onisep;position;"
            + "type_contrat_prive;Libelle_departement;Libelle_academie;Libelle_region;coordX_origine;coordY_origine;"
            + "epsg_origine;nom_circonscription;latitude;longitude;precision_localisation;date_ouverture;"
            + "date_maj_ligne;etat;ministere_tutelle;multi_uai;rpi_concentre;rpi_disperse;code_nature;"
            + "libelle_nature;Code_type_contrat_prive;PIAL;etablissement_mere;"
            + "type_rattachement_etablissement_mere;code_circonscription;code_zone_animation_pedagogique;"
            + "libelle_zone_animation_pedagogique;code_bassin_formation;libelle_bassin_formation";
    private static final int COLUMNS = HEADER.split(";").length;
    private static final String[] COMMUNES = {"Saint-Denis", "Montreuil", "Aubervilliers", "Bobigny", "Pantin"};

    private final List<String> lines = new ArrayList<>(List.of(HEADER));
    private final String departement;

    public AnnuaireExport(String departement) {
        this.departement = departement;
    }

    /** A line of the export for this school; {@code mail} may be empty, as in the real file. */
    public AnnuaireExport line(String uai, String name, String type, String commune, String mail) {
        String[] cells = new String[COLUMNS];
        Arrays.fill(cells, "");
        cells[0] = uai;
        cells[1] = name.contains(";") ? '"' + name + '"' : name;
        cells[2] = type;
        cells[3] = "Public";
        cells[9] = commune;
        cells[10] = "093";
        cells[21] = mail;
        cells[44] = departement;
        cells[45] = "Créteil";
        cells[56] = "OUVERT";
        lines.add(String.join(";", cells));
        return this;
    }

    /**
     * {@code count} schools numbered from {@code first} (their UAIs valid), in the shares of a real département:
     * mostly écoles, a fifth collèges, a tenth lycées; and one CIO and one administrative service besides.
     */
    public AnnuaireExport schools(int first, int count) {
        for (int i = 0; i < count; i++) {
            String uai = Uai.of(first + i);
            String commune = COMMUNES[i % COMMUNES.length];
            String type = i % 10 == 0 ? "Lycée" : i % 5 == 0 ? "Collège" : "Ecole";
            String name = switch (type) {
                case "Lycée" -> "Lycée polyvalent Paul-Éluard n° " + i;
                case "Collège" -> "Collège Jean-Jaurès n° " + i;
                default -> "École élémentaire Louise-Michel n° " + i;
            };
            line(uai, name, type, commune, "ce." + uai.toLowerCase() + "@ac-creteil.fr");
        }
        line(Uai.of(first + count), "CIO de Saint-Denis", "Information et orientation", "Saint-Denis", "");
        line(Uai.of(first + count + 1), "DSDEN 93", "Service Administratif", "Bobigny", "");
        return this;
    }

    /** The file as downloaded: UTF-8 with a byte order mark. */
    public byte[] bytes() {
        return ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The file as a spreadsheet saves it again: no byte order mark, in another encoding. */
    public byte[] bytes(Charset charset) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(charset);
    }
}
