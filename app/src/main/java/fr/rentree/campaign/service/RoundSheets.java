package fr.rentree.campaign.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import fr.rentree.campaign.domain.Campaign;
import fr.rentree.campaign.domain.CampaignRound;
import fr.rentree.campaign.domain.CampaignRoundRepository;
import fr.rentree.campaign.domain.Deliveries;
import fr.rentree.campaign.domain.HandOut;
import fr.rentree.campaign.domain.PileStatus;
import fr.rentree.directory.domain.Pile;
import fr.rentree.reports.SheetLayout;
import fr.rentree.process.service.InboxService;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.security.service.SignedInUser;
import fr.rentree.sheets.domain.PrintList;
import fr.rentree.sheets.service.SheetService;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The paper side of a round: its PDF generated in the background from the frozen list and kept, for the school's
 * directors only, until it is handed out and the campaign ends (at most the retention period); its piles ticked as
 * handed out. Every download is recorded.
 */
@Service
@Transactional
@EnableConfigurationProperties(CampaignSettings.class)
public class RoundSheets {

    /** Sheets rendered between two progress writes: the page moves visibly without a write per sheet. */
    static final int PROGRESS_EVERY = 50;

    private final CampaignRoundRepository rounds;
    private final Deliveries deliveries;
    private final CampaignTasks tasks;
    private final SheetService sheets;
    private final InboxService inbox;
    private final CurrentUser currentUser;
    private final CampaignSettings settings;
    private final Clock clock;

    RoundSheets(CampaignRoundRepository rounds, Deliveries deliveries, CampaignTasks tasks, SheetService sheets,
            InboxService inbox, CurrentUser currentUser, CampaignSettings settings, Clock clock) {
        this.rounds = rounds;
        this.deliveries = deliveries;
        this.tasks = tasks;
        this.sheets = sheets;
        this.inbox = inbox;
        this.currentUser = currentUser;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Service step "generate-sheets": the PDF of the round's paper list, written to a temporary file and moved into
     * place only when whole, so a crash leaves no half PDF; done once.
     */
    void generate(long campaignId, int number) {
        Campaign campaign = tasks.byId(campaignId);
        CampaignRound round = round(campaignId, number);
        if (round.sheetsGeneratedAt() != null) {
            return;
        }
        String file = "campagne-%d-tour-%d.pdf".formatted(campaignId, number);
        int printed = write(campaign, round, layout(campaign, round), file);
        round.sheetsGenerated(file, printed, clock.instant());
        rounds.save(round);
        deliveries.printed(round.id(), clock.instant());
    }

    /**
     * Prints the PDF of the task's round again in another model (a reminder's sheets 8 per page, to stick in the
     * carnet de liaison); its piles are printed in it too. Returns the round's sheets as they are now.
     */
    public HandOut changeLayout(String taskId, SheetLayout layout) {
        Campaign campaign = tasks.of(taskId);
        CampaignRound round = latest(campaign.id());
        String file = round.sheetsFile();
        if (file == null) {
            throw new CampaignException(CampaignException.Reason.NO_SHEETS,
                    "Round " + round.number() + " of campaign " + campaign.id() + " has no PDF now");
        }
        round.reprinted(layout, write(campaign, round, layout, file));
        rounds.save(round);
        return handOut(campaign, round);
    }

    /**
     * The PDF of a round's paper list, written to a temporary file and moved into place only when whole, so a crash
     * leaves no half PDF; how many sheets it holds.
     */
    private int write(Campaign campaign, CampaignRound round, SheetLayout layout, String file) {
        try {
            Files.createDirectories(settings.sheetsDir());
            Path partial = Files.createTempFile(settings.sheetsDir(), "rentree-fiches-", ".part");
            int printed;
            try (OutputStream out = Files.newOutputStream(partial)) {
                long roundId = Objects.requireNonNull(round.id());
                printed = sheets.print(campaign.schoolUai(), list(round, null), layout, Locale.FRENCH, out,
                        written -> {
                            if (written % PROGRESS_EVERY == 0) {
                                rounds.recordSheetsWritten(roundId, written);
                            }
                        });
            } catch (RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, settings.sheetsDir().resolve(file), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sheets of the task's round to hand out (the campaign's latest round). */
    @Transactional(readOnly = true)
    public HandOut handOut(String taskId) {
        Campaign campaign = tasks.of(taskId);
        return handOut(campaign, latest(campaign.id()));
    }

    /** Ticks a pile as handed out; when it was the last one, the task is done. Returns what is left. */
    public HandOut handOut(String taskId, Pile pile) {
        Campaign campaign = tasks.of(taskId);
        CampaignRound round = latest(campaign.id());
        deliveries.handOut(round.id(), pile, currentUser.require().getUsername(), clock.instant());
        HandOut handOut = handOut(campaign, round);
        if (handOut.allHandedOut()) {
            finish(taskId, round);
        }
        return handOut;
    }

    /** Unticks a pile ticked by mistake, while the hand-out is not done (then the task is gone: refused). */
    public HandOut cancelHandOut(String taskId, Pile pile) {
        Campaign campaign = tasks.of(taskId);
        CampaignRound round = latest(campaign.id());
        deliveries.cancelHandOut(round.id(), pile);
        return handOut(campaign, round);
    }

    /** The director says the sheets are handed out, ticked or not. */
    public void finishHandOut(String taskId) {
        Campaign campaign = tasks.of(taskId);
        finish(taskId, latest(campaign.id()));
    }

    /**
     * Writes a round's sheets to {@code out}: the whole PDF as generated, or one pile rendered now from the frozen
     * list. For the school's directors only; recorded.
     */
    public void download(long campaignId, int number, @Nullable Pile pile, OutputStream out) {
        Campaign campaign = tasks.byId(campaignId);
        SignedInUser user = currentUser.requireDirectorOf(campaign.schoolUai());
        CampaignRound round = round(campaignId, number);
        if (round.sheetsFile() == null) {
            throw new CampaignException(CampaignException.Reason.NO_SHEETS,
                    "Round " + number + " of campaign " + campaignId + " has no PDF now");
        }
        try {
            if (pile == null) {
                Files.copy(settings.sheetsDir().resolve(round.sheetsFile()), out);
            } else {
                sheets.print(campaign.schoolUai(), list(round, pile), layout(campaign, round), Locale.FRENCH, out,
                        done -> { });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deliveries.downloaded(round.id(), pile, user.getUsername(), clock.instant());
    }

    /** Deletes the PDFs of a campaign that ended or was stopped: they hold activation codes. */
    void deleteAll(long campaignId) {
        rounds.findByCampaignIdOrderByNumber(campaignId).forEach(this::delete);
    }

    /** Deletes the PDFs kept longer than the retention period, whatever their campaign. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    public void deleteExpired() {
        rounds.findBySheetsFileNotNullAndSheetsGeneratedAtBefore(clock.instant().minus(settings.sheetsRetention()))
                .forEach(this::delete);
    }

    private void delete(CampaignRound round) {
        String file = round.sheetsFile();
        if (file != null && round.sheetsDeleted(clock.instant())) {
            try {
                Files.deleteIfExists(settings.sheetsDir().resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rounds.save(round);
        }
    }

    private void finish(String taskId, CampaignRound round) {
        inbox.complete(taskId, Map.of());
        round.handedOut(clock.instant());
        rounds.save(round);
    }

    private HandOut handOut(Campaign campaign, CampaignRound round) {
        Set<Pile> handedOut = deliveries.handedOut(round.id());
        return new HandOut(campaign.id(), round.number(), round.reminder(), round.sheetsPrinted(),
                layout(campaign, round), deliveries.pileSizes(round.id()).entrySet().stream().map(pile -> new PileStatus(pile.getKey(),
                        pile.getValue(), handedOut.contains(pile.getKey()))).toList());
    }

    private static SheetLayout layout(Campaign campaign, CampaignRound round) {
        return round.layout(campaign.distribution().orElseThrow().layout());
    }

    private PrintList list(CampaignRound round, @Nullable Pile pile) {
        Map<Pile, Integer> sizes = deliveries.pileSizes(round.id());
        if (pile != null) {
            sizes = Map.of(pile, sizes.getOrDefault(pile, 0));
        }
        return new PrintList(new FrozenPages(deliveries, round.id(),
                delivery -> pile == null || Objects.equals(pile, delivery.pile())), sizes, round.reminder());
    }

    private CampaignRound round(long campaignId, int number) {
        return rounds.findByCampaignIdAndNumber(campaignId, number).orElseThrow(() ->
                new IllegalArgumentException("Campaign " + campaignId + " has no round " + number));
    }

    private CampaignRound latest(long campaignId) {
        return rounds.findFirstByCampaignIdOrderByNumberDesc(campaignId)
                .orElseThrow(() -> new IllegalStateException("Campaign " + campaignId + " has no round"));
    }
}
