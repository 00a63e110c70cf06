package fr.rentree.base.ui;

import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * An upload read on the request's thread that the screen may refuse (too large, one file too many): a refused one is
 * answered 413, so that the upload component marks it failed instead of done.
 */
public abstract class RefusingUpload implements UploadHandler {

    private final ThreadLocal<Boolean> refused = ThreadLocal.withInitial(() -> false);

    /** Says, while handling the upload, that it was refused. */
    protected void refused() {
        refused.set(true);
    }

    @Override
    public void responseHandled(boolean success, VaadinResponse response) {
        boolean wasRefused = refused.get();
        refused.remove();
        if (success && wasRefused) {
            response.setStatus(HttpStatusCode.REQUEST_ENTITY_TOO_LARGE.getCode());
        } else {
            UploadHandler.super.responseHandled(success, response);
        }
    }
}
