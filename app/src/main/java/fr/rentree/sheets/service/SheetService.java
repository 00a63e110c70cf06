package fr.rentree.sheets.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

import javax.imageio.ImageIO;

import fr.rentree.audit.domain.AuditAction;
import fr.rentree.audit.service.AuditLog;
import fr.rentree.directory.domain.Placement;
import fr.rentree.directory.domain.Recipient;
import fr.rentree.directory.domain.RecipientQuery;
import fr.rentree.directory.domain.RecipientSelection;
import fr.rentree.directory.service.RecipientService;
import fr.rentree.reports.SheetLayout;
import fr.rentree.reports.SheetRenderer;
import fr.rentree.school.domain.School;
import fr.rentree.school.service.SchoolService;
import fr.rentree.security.service.CurrentUser;
import fr.rentree.security.service.SignedInUser;
import fr.rentree.sheets.domain.PrintList;
import fr.rentree.sheets.domain.SheetPrint;
import fr.rentree.sheets.domain.SheetPrintRepository;
import fr.rentree.sheets.domain.SheetRequest;
import jakarta.annotation.PreDestroy;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/** The PDFs of account sheets: counted, previewed and printed, every print recorded. */
@Service
public class SheetService {

    /** Pixels per PDF point of the preview: about a screen's 96 dpi. */
    private static final float PREVIEW_SCALE = 1.33f;
    private static final int PREVIEW_PAGES = 2;

    private final RecipientService recipients;
    private final SchoolService schools;
    private final SheetRenderer renderer;
    private final SheetPrintRepository prints;
    private final HolderPages pages;
    private final MessageSource messages;
    private final SheetFiles files;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditLog journal;
    /**
     * Two prints at a time: each keeps both cores busy, the others wait their turn. A print runs as whoever asked for
     * it (the director's screen, or Rentrée's own step), checked again on the print's thread.
     */
    private final ExecutorService printing = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("sheet-print-", 1).daemon().factory());

    SheetService(RecipientService recipients, SchoolService schools, SheetPrintRepository prints,
            HolderPages pages, MessageSource messages, SheetFiles files, CurrentUser currentUser, Clock clock,
            AuditLog journal) {
        this.recipients = recipients;
        this.schools = schools;
        this.prints = prints;
        this.pages = pages;
        this.messages = messages;
        this.files = files;
        this.currentUser = currentUser;
        this.clock = clock;
        this.renderer = new SheetRenderer();
        this.journal = journal;
    }

    /** How many sheets the request prints (a parent may get one per child's class). */
    public int count(RecipientQuery query) {
        return recipients.count(query);
    }

    /**
     * The first pages of the PDF the request would print, as PNG images: two, because with a separator per pile
     * page 1 may hold no sheet at all. They show codes: the journal records who looked (not a print: nothing is
     * handed out).
     */
    public List<byte[]> previewPages(SheetRequest request, Locale locale) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        renderer.render(request.layout(), locale,
                sheets(request, locale, PREVIEW_PAGES * request.layout().sheetsPerPage()), pdf, read -> { });
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            PDFRenderer pdfPages = new PDFRenderer(document);
            List<byte[]> images = new ArrayList<>();
            for (int page = 0; page < Math.min(PREVIEW_PAGES, document.getNumberOfPages()); page++) {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(pdfPages.renderImage(page, PREVIEW_SCALE), "png", png);
                images.add(png.toByteArray());
            }
            journal.record(request.schoolUai(), AuditAction.PREVIEW, images.size());
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the PDF of the request's sheets to {@code out}, records who printed it, and returns how many sheets it
     * holds. Nothing is recorded when the rendering fails.
     *
     * @param progress told the number of sheets written so far
     */
    public int print(SheetRequest request, Locale locale, OutputStream out, IntConsumer progress, String printedBy) {
        int printed = renderer.render(request.layout(), locale, sheets(request, locale, Integer.MAX_VALUE), out,
                progress);
        prints.save(new SheetPrint(null, request.schoolUai(), printedBy, clock.instant(),
                describe(request.recipients()), request.layout().name(), printed));
        journal.recordAs(printedBy, request.schoolUai(), AuditAction.PRINT, printed, "");
        return printed;
    }

    /**
     * Prints in the background into a temporary file, which the caller hands back to {@link #discard} when done
     * with it. On failure the file is deleted and nothing is recorded.
     */
    public CompletableFuture<PrintedSheets> printLater(SheetRequest request, Locale locale, IntConsumer progress,
            String printedBy) {
        currentUser.requireDirectorOrSystem(request.schoolUai()); // here, before a file is made
        Optional<Authentication> caller = currentUser.authentication();
        return CompletableFuture.supplyAsync(() -> currentUser.as(caller, () -> {
            Path file = null;
            try {
                file = files.create();
                try (OutputStream out = Files.newOutputStream(file)) {
                    return new PrintedSheets(file, print(request, locale, out, progress, printedBy));
                }
            } catch (IOException | RuntimeException e) {
                if (file != null) {
                    discard(file);
                }
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
        }), printing);
    }

    /** Deletes a PDF printed by {@link #printLater}: it holds activation codes. */
    public void discard(Path file) {
        files.delete(file);
    }

    /**
     * Writes the sheet of one account of the school (a lost sheet, a new code) to {@code out}, one page, and records
     * the print. Only a director of the school may print it.
     *
     * @throws IllegalArgumentException when the school has no such account
     */
    public void printAccount(String schoolUai, long accountId, Locale locale, OutputStream out) {
        SignedInUser director = currentUser.requireDirectorOf(schoolUai);
        Recipient account = recipients.recipient(schoolUai, accountId)
                .orElseThrow(() -> new IllegalArgumentException("No account " + accountId + " in school " + schoolUai));
        PrintList alone = PrintList.of(List.of(new Placement(accountId, account.pile(), null)));
        renderer.render(SheetLayout.ONE_PER_PAGE, locale, sheets(schoolUai, alone, locale, 1), out, written -> { });
        prints.save(new SheetPrint(null, schoolUai, director.getUsername(), clock.instant(),
                "account=" + account.login(), SheetLayout.ONE_PER_PAGE.name(), 1));
        journal.record(schoolUai, AuditAction.PRINT, 1, account.login());
    }

    /** A PDF printed in the background, and how many sheets it holds. */
    public record PrintedSheets(Path file, int sheets) {
    }

    @PreDestroy
    void stop() {
        printing.shutdownNow();
    }

    /**
     * Writes the PDF of a list fixed beforehand (a campaign round's) to {@code out}, and returns how many sheets it
     * holds. The caller records it.
     */
    public int print(String schoolUai, PrintList list, SheetLayout layout, Locale locale, OutputStream out,
            IntConsumer progress) {
        return renderer.render(layout, locale, sheets(schoolUai, list, locale, Integer.MAX_VALUE), out, progress);
    }

    private RecipientSheets sheets(SheetRequest request, Locale locale, int limit) {
        return sheets(request.schoolUai(), PrintList.of(recipients.placements(request.recipients())), locale, limit);
    }

    private RecipientSheets sheets(String schoolUai, PrintList list, Locale locale, int limit) {
        School school = schools.find(schoolUai)
                .orElseThrow(() -> new IllegalArgumentException("No school " + schoolUai));
        return new RecipientSheets(recipients, list, school, pages, messages, locale, limit, currentUser);
    }

    private static String describe(RecipientQuery query) {
        RecipientSelection selection = query.selection();
        return "profiles=%s classes=%s activation=%s preDeletion=%s order=%s parents=%s".formatted(
                selection.profiles(), selection.classes(), selection.activation(), selection.withPreDeletion(),
                query.order(), query.parents());
    }
}
