package fr.rentree.directory.service;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import fr.rentree.base.seal.SecretSeal;
import fr.rentree.directory.domain.ActivationCode;
import org.springframework.stereotype.Component;

/**
 * Makes activation codes and keeps them encrypted at rest through {@link SecretSeal}, the login as associated data
 * so a code copied onto another account's row does not open. Codes sealed before key ids existed (nonce and
 * ciphertext only, {@value #LEGACY_BYTES} bytes) are opened with whichever known key authenticates them.
 */
@Component
class ActivationCodes {

    /** A sealed code of the first format: nonce, 8 encrypted characters, tag. */
    static final int LEGACY_BYTES = SecretSeal.NONCE_BYTES + ActivationCode.LENGTH + SecretSeal.TAG_BYTES;

    private final SecureRandom random = new SecureRandom();
    private final SecretSeal seal;

    ActivationCodes(SecretSeal seal) {
        this.seal = seal;
    }

    /** The id of the key that seals new codes. */
    String keyId() {
        return seal.keyId();
    }

    /** Whether these sealed bytes were made with the current key: a rotation leaves them as they are. */
    boolean sealedWithCurrentKey(byte[] sealed) {
        return seal.sealedWithCurrentKey(sealed);
    }

    ActivationCode generate() {
        return ActivationCode.random(random);
    }

    /** The code sealed with the current key, its id in front. */
    byte[] seal(ActivationCode code, String login) {
        return seal.seal(code.value().getBytes(StandardCharsets.US_ASCII), login);
    }

    ActivationCode open(byte[] sealed, String login) {
        byte[] code = sealed.length == LEGACY_BYTES ? seal.openWithoutKeyId(sealed, login) : seal.open(sealed, login);
        return new ActivationCode(new String(code, StandardCharsets.US_ASCII));
    }
}
