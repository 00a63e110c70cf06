package fr.rentree.activation.domain;

/**
 * A password measured against the rules the page shows while the holder types, after the CNIL's recommendation
 * (deliberation 2022-100) and the ANSSI's guide: long enough, of varied characters (or longer still), and hard to
 * guess.
 *
 * @param longEnough   12 characters at least
 * @param varied       capitals, small letters, digits and other characters; or 14 characters of the first three;
 *                     or a passphrase of 20 characters
 * @param hardToGuess  not the holder's (or their children's) name or login, nor the school's name or commune, nor
 *                     common words or patterns, French included (zxcvbn's score: {@link PasswordOwner})
 */
public record PasswordCheck(boolean longEnough, boolean varied, boolean hardToGuess) {

    public boolean accepted() {
        return longEnough && varied && hardToGuess;
    }
}
