package fr.rentree.devservices;

/** A dev service could not start; the message says why and what to do, for the person at the terminal. */
class DevServiceException extends RuntimeException {

    DevServiceException(String message) {
        super(message);
    }

    DevServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
