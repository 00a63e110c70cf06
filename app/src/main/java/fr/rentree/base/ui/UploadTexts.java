package fr.rentree.base.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;

/** The upload component's own words (add, drop, errors, units) in the user's language: "Ajouter des fichiers…", "Mo". */
public final class UploadTexts {

    private UploadTexts() {
    }

    /** The texts of an upload component, in the language of the screen that holds it. */
    public static UploadI18N of(Component upload) {
        UploadI18N texts = new UploadI18N();
        texts.setAddFiles(new UploadI18N.AddFiles().setOne(upload.getTranslation("upload.add-one"))
                .setMany(upload.getTranslation("upload.add-many")));
        texts.setDropFiles(new UploadI18N.DropFiles().setOne(upload.getTranslation("upload.drop-one"))
                .setMany(upload.getTranslation("upload.drop-many")));
        texts.setError(new UploadI18N.Error().setTooManyFiles(upload.getTranslation("upload.too-many"))
                .setFileIsTooBig(upload.getTranslation("upload.too-big")).setIncorrectFileType(upload.getTranslation("upload.wrong-type")));
        texts.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(upload.getTranslation("upload.connecting"))
                        .setStalled(upload.getTranslation("upload.stalled")).setProcessing(upload.getTranslation("upload.processing"))
                        .setHeld(upload.getTranslation("upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(upload.getTranslation("upload.remaining")).setUnknown(upload.getTranslation("upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(upload.getTranslation("upload.server-unavailable"))
                        .setUnexpectedServerError(upload.getTranslation("upload.server-error"))
                        .setForbidden(upload.getTranslation("upload.forbidden"))));
        texts.setUnits(new UploadI18N.Units(List.of("o", "ko", "Mo", "Go", "To", "Po", "Eo", "Zo", "Yo")));
        return texts;
    }
}
