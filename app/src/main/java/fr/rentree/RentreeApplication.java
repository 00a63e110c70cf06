package fr.rentree;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.PWA;
import fr.rentree.administration.cli.CreateAdminCommand;
import fr.rentree.directory.cli.RotateActivationCodesCommand;
import fr.rentree.siecle.cli.ImportSiecleCommand;
import fr.rentree.tracking.cli.ExportDistrictCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Rentrée: the back office of the back-to-school distribution of ENT accounts. Its screens use Lumo, Vaadin's default
 * theme, light: no application theme is named (an empty one made pages ask for {@code VAADIN/themes//styles.css}).
 */
@SpringBootApplication
@PWA(name = "Rentrée", shortName = "Rentrée")
public class RentreeApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        // the commands write UTF-8 whatever the machine's locale: a server's POSIX locale turned "refusée" into "refus?e"
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        if (args.length > 0 && args[0].equals(ImportSiecleCommand.NAME)) {
            System.exit(new ImportSiecleCommand(out, err).run(RentreeApplication.class, args));
        }
        if (args.length > 0 && args[0].equals(RotateActivationCodesCommand.NAME)) {
            System.exit(new RotateActivationCodesCommand(out, err).run(RentreeApplication.class, args));
        }
        if (args.length > 0 && args[0].equals(CreateAdminCommand.NAME)) {
            System.exit(new CreateAdminCommand(out, err).run(RentreeApplication.class, args));
        }
        if (args.length > 0 && args[0].equals(ExportDistrictCommand.NAME)) {
            System.exit(new ExportDistrictCommand(out, err).run(RentreeApplication.class, args));
        }
        SpringApplication.run(RentreeApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
