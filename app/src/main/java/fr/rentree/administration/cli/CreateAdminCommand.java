package fr.rentree.administration.cli;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.rentree.administration.service.AdministrationSettings;
import fr.rentree.administration.service.InvitationLinks;
import fr.rentree.base.FieldsRefused;
import fr.rentree.base.cli.HeadlessApplication;
import fr.rentree.security.domain.BackOfficeUser;
import fr.rentree.security.domain.Role;
import fr.rentree.security.domain.UserDraft;
import fr.rentree.security.service.BackOfficeUsers;
import fr.rentree.security.service.CurrentUser;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

/**
 * {@code java -jar rentree-app.jar create-admin --username <username> --email <address> [--name "<name>"]}: creates
 * the first administrator of a new installation (there is no one yet to invite them) and prints their invitation
 * link, to open within the invitation's validity and choose a password. Run again for an existing administrator, it
 * prints a new link (the older stops working). Exits 0 when done, 2 when the arguments or the configuration are
 * refused, 1 on an internal error.
 */
public final class CreateAdminCommand {

    public static final String NAME = "create-admin";

    private final PrintStream out;
    private final PrintStream err;
    private final MessageSource messages = HeadlessApplication.texts();

    public CreateAdminCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(Class<?> application, String... args) {
        String username = null;
        String email = null;
        String name = null;
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            boolean valued = i + 1 < args.length;
            if (arg.equals("--username") && valued) {
                username = args[++i];
            } else if (arg.equals("--email") && valued) {
                email = args[++i];
            } else if (arg.equals("--name") && valued) {
                name = args[++i];
            } else if (arg.startsWith("--")) {
                springArgs.add(arg);
            } else {
                username = null; // a stray word: say how to write the command
                break;
            }
        }
        if (username == null || email == null) {
            err.println(text("cli.admin.usage"));
            return 2;
        }
        UserDraft draft = new UserDraft(username, name == null ? username : name, email, Role.ADMIN, null, Set.of());
        return HeadlessApplication.run(application, springArgs, err, "cli.import.internal-error",
                context -> context.getBean(CurrentUser.class).asSystem(() -> create(context, draft)));
    }

    private int create(ConfigurableApplicationContext context, UserDraft draft) {
        BackOfficeUsers users = context.getBean(BackOfficeUsers.class);
        BackOfficeUser admin = users.findByUsername(draft.username()).orElse(null);
        if (admin != null && admin.role() != Role.ADMIN) {
            err.println(text("cli.admin.not-admin", admin.username()));
            return 2;
        }
        boolean created = admin == null;
        try {
            if (created) {
                admin = users.create(draft);
            }
        } catch (FieldsRefused e) {
            err.println(text("cli.admin.refused", text(e.messageKey())));
            return 2;
        }
        URI link = context.getBean(InvitationLinks.class).link(admin);
        out.println(text(created ? "cli.admin.created" : "cli.admin.exists", admin.username()));
        out.println(text("cli.admin.link", link,
                context.getBean(AdministrationSettings.class).invitationValidity().toHours()));
        return 0;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.FRENCH);
    }
}
