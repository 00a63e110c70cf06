package fr.rentree.activation.domain;

/**
 * A password measured against the rules the page shows while the holder types, after the CNIL's recommendation
 * (deliberation 2022-100) and the ANSSI's guide: long enough, of varied characters (or longer still), and hard to
 * guess.
 *
 * @param longEnough   12 characters at least
 * @param varied       capitals, small letters, digits and other characters; or 14 characters of the first three;
 *                     or a passphrase of 20 characters
 * @param hardToGuess  not the holder's name or login, nor common words or patterns (zxcvbn's score 3 of 4 or more)
 */
public record PasswordCheck(boolean longEnough, boolean varied, boolean hardToGuess) {

    public boolean accepted() {
        return longEnough && varied && hardToGuess;
    }
}
