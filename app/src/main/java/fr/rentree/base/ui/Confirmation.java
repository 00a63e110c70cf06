package fr.rentree.base.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** A question before an action that cannot be taken back: "Annuler" or the action, named on its button. */
public final class Confirmation {

    private Confirmation() {
    }

    /**
     * @param cancel      the cancel button's text, in the user's language
     * @param destructive whether the action removes or disables something: its button is red
     * @param confirmed   run when the user confirms
     */
    public static void ask(String title, String text, String action, String cancel, boolean destructive,
                           Runnable confirmed) {
        ask(title, text, action, cancel, destructive, confirmed, () -> { });
    }

    /** As above; {@code cancelled} runs when the user declines ("Annuler", Escape), to put back what asked. */
    public static void ask(String title, String text, String action, String cancel, boolean destructive,
                           Runnable confirmed, Runnable cancelled) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.addCancelListener(e -> cancelled.run());
        dialog.setHeader(title);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(cancel);
        dialog.setConfirmText(action);
        if (destructive) {
            dialog.setConfirmButtonTheme("error primary");
        }
        dialog.addConfirmListener(e -> confirmed.run());
        dialog.open();
    }
}
