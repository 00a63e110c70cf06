package fr.rentree.reports;

/** A template could not be loaded or filled: a defect of the template or of its data, never of the user. */
public class ReportException extends RuntimeException {

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
