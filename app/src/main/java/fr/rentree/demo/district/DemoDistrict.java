package fr.rentree.demo.district;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import fr.rentree.demo.district.DemoSchool.Kind;
import fr.rentree.school.domain.Uai;

/**
 * A deterministic demo district: schools with valid UAIs, French names and realistic sizes, ready for
 * {@link SiecleExport} to fill. The same seed gives the same district, so a demo and the expectations written
 * against it stay put from one run to the next.
 */
public final class DemoDistrict {

    private static final int SERIALS_PER_DEPARTEMENT = 10_000;
    private static final Pattern DEPARTEMENT = Pattern.compile("\\d{1,3}");

    private static final List<String> EPONYMS = List.of(
            "Jean-Jaurès", "Lucie-Aubrac", "Marie-Curie", "Victor-Hugo", "Jules-Ferry", "Louise-Michel",
            "Olympe-de-Gouges", "Simone-Veil", "Jean-Moulin", "Paul-Éluard", "Romain-Rolland", "Émile-Zola",
            "Gérard-Philipe", "Pablo-Picasso", "Jacques-Prévert", "Condorcet", "Voltaire", "Molière", "Colette",
            "Albert-Camus", "Aimé-Césaire", "Toussaint-Louverture", "Joséphine-Baker", "Gisèle-Halimi",
            "Rosa-Parks", "Nelson-Mandela", "Anatole-France", "Henri-Wallon", "Paul-Langevin",
            "Irène-Joliot-Curie", "Eugène-Delacroix", "Claude-Monet", "Camille-Claudel", "Georges-Brassens",
            "Édith-Piaf", "Françoise-Dolto", "Jean-de-La-Fontaine", "Guillaume-Apollinaire", "Germaine-Tillion",
            "Louis-Pasteur", "George-Sand", "Marguerite-Yourcenar", "Léon-Blum", "Danielle-Casanova",
            "Robert-Desnos", "Antoine-de-Saint-Exupéry", "Stéphane-Hessel", "Léopold-Sédar-Senghor", "Jean-Zay",
            "Louis-Aragon", "Elsa-Triolet", "Missak-Manouchian", "Berthe-Morisot", "Alexandre-Dumas",
            "Charles-Baudelaire", "Arthur-Rimbaud", "Paul-Verlaine", "Honoré-de-Balzac", "Gustave-Eiffel",
            "Madeleine-Brès", "Hubertine-Auclert", "Marcel-Pagnol", "René-Descartes", "Blaise-Pascal",
            "Évariste-Galois", "Sophie-Germain", "Lazare-Carnot", "Jean-Macé", "Pierre-Brossolette",
            "Frédéric-Mistral");

    /** Many écoles are named after their street or neighbourhood rather than a person. */
    private static final List<String> PLACES = List.of(
            "du Centre", "des Tilleuls", "du Parc", "des Coquelicots", "de la Roseraie", "du Moulin",
            "des Acacias", "du Château", "des Œillets", "des Marronniers", "de la Source", "des Bruyères");

    private final long seed;

    public DemoDistrict(long seed) {
        this.seed = seed;
    }

    /**
     * {@code count} schools of the département: about 60 % écoles, 30 % collèges and 10 % lycées (at least one of
     * each from three schools on), with unique UAIs and names.
     *
     * @param departement the département number, "93" or "093" (also "2A" and "2B")
     */
    public List<DemoSchool> schools(int count, String departement) {
        String prefix = uaiPrefix(departement);
        if (count < 0 || count > SERIALS_PER_DEPARTEMENT) {
            throw new IllegalArgumentException("between 0 and " + SERIALS_PER_DEPARTEMENT + " schools: " + count);
        }
        Random random = new Random(derive(seed, "district/" + prefix));
        List<Kind> kinds = kinds(count);
        Collections.shuffle(kinds, random);
        Set<String> uais = new HashSet<>();
        Set<String> names = new HashSet<>();
        List<DemoSchool> schools = new ArrayList<>(count);
        for (Kind kind : kinds) {
            String uai;
            do {
                uai = uai(prefix, random.nextInt(SERIALS_PER_DEPARTEMENT));
            } while (!uais.add(uai));
            schools.add(new DemoSchool(uai, name(kind, random, names), kind, pupils(kind, random)));
        }
        return List.copyOf(schools);
    }

    /** The seed of one stream of the demo (a school, its leavers...), independent of the other streams. */
    static long derive(long seed, String key) {
        long hash = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < key.length(); i++) {
            hash = Long.rotateLeft((hash ^ key.charAt(i)) * 0x100000001B3L, 29);
        }
        hash ^= hash >>> 33;
        hash *= 0xFF51AFD7ED558CCDL;
        hash ^= hash >>> 33;
        hash *= 0xC4CEB9FE1A85EC53L;
        return hash ^ (hash >>> 33);
    }

    private static String uaiPrefix(String departement) {
        Objects.requireNonNull(departement, "departement");
        return switch (departement) {
            case "2A", "2a" -> "620";
            case "2B", "2b" -> "720";
            default -> {
                if (!DEPARTEMENT.matcher(departement).matches()) {
                    throw new IllegalArgumentException("not a département number: " + departement);
                }
                yield "0".repeat(3 - departement.length()) + departement;
            }
        };
    }

    private static String uai(String prefix, int serial) {
        return Uai.of(Integer.parseInt(prefix + String.format("%04d", serial)));
    }

    private static List<Kind> kinds(int count) {
        List<Kind> kinds = new ArrayList<>(count);
        if (count < 3) {
            for (int i = 0; i < count; i++) {
                kinds.add(i == 0 ? Kind.ECOLE : Kind.COLLEGE);
            }
            return kinds;
        }
        int lycees = Math.max(1, Math.round(count * 0.10f));
        int colleges = Math.max(1, Math.round(count * 0.30f));
        kinds.addAll(Collections.nCopies(count - lycees - colleges, Kind.ECOLE));
        kinds.addAll(Collections.nCopies(colleges, Kind.COLLEGE));
        kinds.addAll(Collections.nCopies(lycees, Kind.LYCEE));
        return kinds;
    }

    private static String name(Kind kind, Random random, Set<String> used) {
        String candidate = "";
        for (int attempt = 0; attempt < 20; attempt++) {
            candidate = nameOf(kind, random);
            if (used.add(candidate)) {
                return candidate;
            }
        }
        // Large districts run out of names, as real ones do: they number them.
        for (int number = 2; ; number++) {
            if (used.add(candidate + " " + number)) {
                return candidate + " " + number;
            }
        }
    }

    private static String nameOf(Kind kind, Random random) {
        String eponym = EPONYMS.get(random.nextInt(EPONYMS.size()));
        return switch (kind) {
            case ECOLE -> {
                String prefix = random.nextInt(10) < 7 ? "École élémentaire" : "École primaire";
                yield prefix + " " + (random.nextInt(4) == 0 ? PLACES.get(random.nextInt(PLACES.size())) : eponym);
            }
            case COLLEGE -> "Collège " + eponym;
            case LYCEE -> "Lycée " + eponym;
        };
    }

    private static int pupils(Kind kind, Random random) {
        return switch (kind) {
            case ECOLE -> 80 + random.nextInt(221);
            case COLLEGE -> 350 + random.nextInt(451);
            case LYCEE -> 800 + random.nextInt(701);
        };
    }
}
