package no.kostra.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages of a spreadsheet's PDF as poppler's {@code pdftotext -bbox} reads them: each page's words with their boxes,
 * and the sheet it prints (the page header, which the report templates set to the sheet's name). Comparing a PDF with
 * one of the same workbook printed at 100 % gives the scale each sheet was printed at: the same word, drawn smaller.
 */
public record PdfPages(List<Page> pages) {
    /**
     * A4 landscape with the templates' margins: the header line starts 0,25 in (18 pt) from the top and the body 0,55 in
     * (39,6 pt); the footer starts 0,55 in from the bottom. Points from the top.
     */
    private static final double HEADER_BOTTOM = 30;
    private static final double FOOTER_TOP = 595 - 39.6;
    private static final Pattern PAGE = Pattern.compile("<page [^>]*>(.*?)</page>", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile(
            "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">(.*?)</word>");

    public record Word(String text, double xMin, double yMin, double xMax, double yMax) {
        double width() {
            return xMax - xMin;
        }
    }

    /** A page: the sheet its header names, and the words of its body (header and footer left out). */
    public record Page(int number, String sheet, List<Word> body) {
        public String text() {
            return String.join(" ", body.stream().map(Word::text).toList());
        }
    }

    public static PdfPages read(Path pdf) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdftotext", "-bbox", pdf.toString(), "-").redirectErrorStream(true).start();
        String html = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError("pdftotext failed on " + pdf + ": " + html);
        }
        List<Page> pages = new ArrayList<>();
        Matcher page = PAGE.matcher(html);
        while (page.find()) {
            List<String> header = new ArrayList<>();
            List<Word> body = new ArrayList<>();
            Matcher word = WORD.matcher(page.group(1));
            while (word.find()) {
                Word w = new Word(unescape(word.group(5)), Double.parseDouble(word.group(1)), Double.parseDouble(word.group(2)),
                        Double.parseDouble(word.group(3)), Double.parseDouble(word.group(4)));
                if (w.yMin() < HEADER_BOTTOM) {
                    header.add(w.text());
                } else if (w.yMin() < FOOTER_TOP) {
                    body.add(w);
                }
            }
            pages.add(new Page(pages.size() + 1, String.join(" ", header), body));
        }
        return new PdfPages(pages);
    }

    /**
     * The scale each sheet was printed at: for the words of four letters or more that both PDFs print on that sheet's
     * pages, the median of their widths here over their widths in {@code atFullSize} (the workbook printed at 100 %).
     */
    public Map<String, Double> scalesAgainst(PdfPages atFullSize) {
        Map<String, Map<String, Double>> here = medianWidths();
        Map<String, Map<String, Double>> full = atFullSize.medianWidths();
        Map<String, Double> scales = new LinkedHashMap<>();
        here.forEach((sheet, words) -> {
            List<Double> ratios = new ArrayList<>();
            words.forEach((text, width) -> {
                Double fullWidth = full.getOrDefault(sheet, Map.of()).get(text);
                if (text.length() >= 4 && fullWidth != null && fullWidth > 0) {
                    ratios.add(width / fullWidth);
                }
            });
            if (!ratios.isEmpty()) {
                scales.put(sheet, median(ratios));
            }
        });
        return scales;
    }

    /** sheet → word → the median width the sheet's pages print it at. */
    private Map<String, Map<String, Double>> medianWidths() {
        Map<String, Map<String, List<Double>>> widths = new LinkedHashMap<>();
        for (Page page : pages) {
            for (Word word : page.body()) {
                widths.computeIfAbsent(page.sheet(), k -> new HashMap<>()).computeIfAbsent(word.text(), k -> new ArrayList<>())
                        .add(word.width());
            }
        }
        Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
        widths.forEach((sheet, words) -> {
            Map<String, Double> m = new HashMap<>();
            words.forEach((text, list) -> m.put(text, median(list)));
            medians.put(sheet, m);
        });
        return medians;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
