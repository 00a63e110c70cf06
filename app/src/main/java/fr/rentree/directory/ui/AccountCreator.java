package fr.rentree.directory.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import fr.rentree.base.ui.DatePickers;
import fr.rentree.base.ui.MultiSelect;
import fr.rentree.directory.domain.AccountRow;
import fr.rentree.directory.domain.Civility;
import fr.rentree.directory.domain.CreatedAccount;
import fr.rentree.directory.domain.NewAccount;
import fr.rentree.directory.domain.Profile;
import fr.rentree.directory.service.SchoolAccounts;

/**
 * "Nouvel enseignant" and "Nouvel utilisateur" (seed 004): a teacher missing from STS-web, a staff member or a guest,
 * created by hand once the director has been warned of a probable duplicate.
 */
class AccountCreator extends Dialog {

    private final Select<Profile> profile = new Select<>();
    private final RadioButtonGroup<Civility> civility = new RadioButtonGroup<>();
    private final TextField lastName = new TextField();
    private final TextField firstName = new TextField();
    private final DatePicker birthDate = DatePickers.localized(new DatePicker());
    private final TextField email = new TextField();
    private final MultiSelectComboBox<String> classes = new MultiSelect<>();
    private final TextField discipline = new TextField();
    private final Binder<NewAccount> binder = new Binder<>(NewAccount.class);
    private final SchoolAccounts accounts;
    private final String schoolUai;
    private final Consumer<CreatedAccount> created;

    /**
     * @param teacher true for "Nouvel enseignant", false for "Nouvel utilisateur" (Personnel or Invité)
     */
    AccountCreator(SchoolAccounts accounts, String schoolUai, boolean teacher, List<String> schoolClasses,
                   LocalDate today, Consumer<CreatedAccount> created) {
        this.accounts = accounts;
        this.schoolUai = schoolUai;
        this.created = created;
        setHeaderTitle(getTranslation(teacher ? "account.new-teacher" : "account.new-user"));
        setId("account-creator");
        profile.setLabel(getTranslation("account.profile"));
        profile.setItems(teacher ? List.of(Profile.TEACHER) : List.of(Profile.STAFF, Profile.GUEST));
        profile.setItemLabelGenerator(choice -> getTranslation("profile." + choice));
        profile.setVisible(!teacher);
        civility.setLabel(getTranslation("account.civility"));
        civility.setItems(Civility.values());
        civility.setItemLabelGenerator(choice -> getTranslation("account.civility." + choice));
        lastName.setLabel(getTranslation("account.last-name"));
        firstName.setLabel(getTranslation("account.first-name"));
        birthDate.setLabel(getTranslation("account.birth-date"));
        birthDate.setMax(today);
        birthDate.setInitialPosition(today.minusYears(35));
        email.setLabel(getTranslation("account.email"));
        email.setHelperText(getTranslation("account.new.email.help"));
        classes.setLabel(getTranslation("account.edit.teaches"));
        classes.setItems(schoolClasses);
        classes.setVisible(teacher);
        discipline.setLabel(getTranslation("account.discipline"));
        discipline.setVisible(teacher);

        binder.forField(profile).asRequired(getTranslation("account.required")).bind("profile");
        binder.forField(civility).asRequired(getTranslation("account.required")).bind("civility");
        binder.forField(lastName).asRequired(getTranslation("account.required"))
                .withValidator(AccountFieldRules.shortText(this))
                .bind("lastName");
        binder.forField(firstName).asRequired(getTranslation("account.required"))
                .withValidator(AccountFieldRules.shortText(this))
                .bind("firstName");
        binder.forField(birthDate).asRequired(getTranslation("account.required")).bind("birthDate");
        binder.forField(email).withNullRepresentation("")
                .withValidator(AccountFieldRules.email(this))
                .bind("email");
        binder.forField(classes).bind("classes");
        binder.forField(discipline).withNullRepresentation("")
                .withValidator(AccountFieldRules.shortText(this))
                .bind("discipline");
        binder.readRecord(new NewAccount(teacher ? Profile.TEACHER : Profile.STAFF, Civility.MME, "", "",
                today, null, Set.of(), null));
        civility.clear();
        birthDate.clear();

        profile.setId("new-profile");
        civility.setId("new-civility");
        lastName.setId("new-last-name");
        firstName.setId("new-first-name");
        birthDate.setId("new-birth-date");
        email.setId("new-email");
        classes.setId("new-classes");
        discipline.setId("new-discipline");
        FormLayout form = new FormLayout(profile, civility, lastName, firstName, birthDate, email, classes,
                discipline);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setColspan(civility, 2);
        form.setColspan(email, 2);
        form.setColspan(classes, 2);
        form.setColspan(discipline, 2);
        form.setMaxWidth("40em");
        Paragraph prefer = new Paragraph(getTranslation("account.new.prefer-import"));
        prefer.getStyle().set("color", "var(--lumo-secondary-text-color)").set("max-width", "40em");
        add(prefer, form);

        Button create = new Button(getTranslation("account.new.create"), e -> create(e.getSource()));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setDisableOnClick(true);
        create.setId("create-account");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), create);
    }

    private void create(Button button) {
        NewAccount account;
        try {
            account = binder.writeRecord();
        } catch (ValidationException invalid) {
            button.setEnabled(true); // the fields say what is missing
            return;
        }
        List<AccountRow> duplicates = accounts.probableDuplicates(schoolUai, account);
        if (duplicates.isEmpty()) {
            created(account);
            return;
        }
        ConfirmDialog warning = new ConfirmDialog();
        warning.setHeader(getTranslation("account.duplicate.title"));
        warning.setText(getTranslation("account.duplicate.text", duplicates.stream().map(this::describe)
                .collect(Collectors.joining(" ; "))));
        warning.setCancelable(true);
        warning.setCancelText(getTranslation("action.cancel"));
        warning.setConfirmText(getTranslation("account.duplicate.create"));
        warning.addConfirmListener(e -> created(account));
        warning.addCancelListener(e -> button.setEnabled(true));
        warning.open();
    }

    private void created(NewAccount account) {
        CreatedAccount done = accounts.create(schoolUai, account);
        close();
        created.accept(done);
    }

    /** "BŒUF Noël (noel.boeuf, Élève importé, pré-suppression)": enough to tell whether it is the same person. */
    private String describe(AccountRow row) {
        return getTranslation("account.duplicate.one", row.lastName() + " " + row.firstName(), row.login(),
                getTranslation("profile." + row.profile()), getTranslation("account.origin." + row.origin()),
                getTranslation("account.state." + row.state()));
    }
}
