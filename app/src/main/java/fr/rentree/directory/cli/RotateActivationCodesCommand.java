package fr.rentree.directory.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.rentree.base.cli.HeadlessApplication;
import fr.rentree.directory.service.ActivationCodeRotation;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.security.service.SecondFactorSecrets;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

/**
 * {@code java -jar rentree-app.jar rotate-activation-codes [--batch-size N]}: seals every activation code again with
 * the current key ({@code RENTREE_ACTIVATIONCODES_KEY} and {@code _KEYID}, the old key in {@code _PREVIOUSKEYS}),
 * in batches, each committed; stopped half-way, it is run again and goes on. Starts with the database only (no web
 * server, engine work, mail or demo), like {@code import-siecle}. Exits 0 when done, 2 when the arguments or the
 * configuration are refused, 1 on an internal error (a code no configured key opens...).
 */
public final class RotateActivationCodesCommand {

    public static final String NAME = "rotate-activation-codes";
    private static final int DEFAULT_BATCH = 500;

    private final PrintStream out;
    private final PrintStream err;
    private final MessageSource messages = HeadlessApplication.texts();

    public RotateActivationCodesCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(Class<?> application, String... args) {
        int batchSize = DEFAULT_BATCH;
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--batch-size") && i + 1 < args.length) {
                try {
                    batchSize = Integer.parseInt(args[++i]);
                } catch (NumberFormatException e) {
                    batchSize = 0;
                }
            } else if (args[i].startsWith("--")) {
                springArgs.add(args[i]);
            } else {
                batchSize = 0;
            }
        }
        if (batchSize < 1) {
            err.println(text("cli.rotate.usage"));
            return 2;
        }
        int batch = batchSize;
        return HeadlessApplication.run(application, springArgs, err, "cli.rotate.failed", context -> context
                .getBean(CurrentUser.class).asSystem(() -> {
            ActivationCodeRotation rotation = context.getBean(ActivationCodeRotation.class);
            out.println(text("cli.rotate.title", rotation.currentKeyId(), batch));
            ActivationCodeRotation.Result result = rotation.rotate(batch, total -> { });
            out.println(text("cli.rotate.done", result.resealed(), result.alreadyCurrent(), result.changed()));
            // the second factors are sealed with the same key: the previous one can be dropped after both
            out.println(text("cli.rotate.second-factors", context.getBean(SecondFactorSecrets.class).reseal()));
            return 0;
        }));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.FRENCH);
    }
}
