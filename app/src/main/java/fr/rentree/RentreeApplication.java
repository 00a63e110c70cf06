package fr.rentree;

import java.time.Clock;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.PWA;
import fr.rentree.administration.cli.CreateAdminCommand;
import fr.rentree.directory.cli.RotateActivationCodesCommand;
import fr.rentree.siecle.cli.ImportSiecleCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Rentrée: the back office of the back-to-school distribution of ENT accounts. Its screens use Lumo, Vaadin's default
 * theme, light: no application theme is named (an empty one made pages ask for {@code VAADIN/themes//styles.css}).
 */
@SpringBootApplication
@EnableScheduling
@PWA(name = "Rentrée", shortName = "Rentrée")
public class RentreeApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(ImportSiecleCommand.NAME)) {
            System.exit(new ImportSiecleCommand(System.out, System.err).run(RentreeApplication.class, args));
        }
        if (args.length > 0 && args[0].equals(RotateActivationCodesCommand.NAME)) {
            System.exit(new RotateActivationCodesCommand(System.out, System.err).run(RentreeApplication.class, args));
        }
        if (args.length > 0 && args[0].equals(CreateAdminCommand.NAME)) {
            System.exit(new CreateAdminCommand(System.out, System.err).run(RentreeApplication.class, args));
        }
        SpringApplication.run(RentreeApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
