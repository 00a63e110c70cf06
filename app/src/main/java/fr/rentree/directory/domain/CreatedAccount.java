package fr.rentree.directory.domain;

/** An account a director just created: its login, and the activation code to hand out on a sheet or by e-mail. */
public record CreatedAccount(long id, String login, ActivationCode code) {
}
