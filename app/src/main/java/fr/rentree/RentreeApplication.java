package fr.rentree;

import java.time.Clock;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;
import fr.rentree.siecle.cli.ImportSiecleCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Rentrée: the back office of the back-to-school distribution of ENT accounts. */
@SpringBootApplication
@EnableScheduling
@Theme(variant = Lumo.LIGHT)
@PWA(name = "Rentrée", shortName = "Rentrée")
public class RentreeApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(ImportSiecleCommand.NAME)) {
            System.exit(new ImportSiecleCommand(System.out, System.err).run(RentreeApplication.class, args));
        }
        SpringApplication.run(RentreeApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
