package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.testtools.JavalinTest;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The manifest at /addin/manifest.xml, validated offline against Microsoft's add-in manifest schema (the copy in
 * src/test/resources/office-addin-schemas, see its README), and pointing at the service's own public address.
 */
class AddinManifestTest {
    private static final URI PUBLIC_URL = URI.create("https://kostra.baerum.kommune.no");
    private static final String ADDIN_ID = "c3f6fa7d-b429-49c3-be23-5438574b6d5f";
    private static Services services;
    private static Schema schema;

    @BeforeAll
    static void open() throws SAXException {
        services = SeededServices.open();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
        URL entry = AddinManifestTest.class.getResource("/office-addin-schemas/OfficeAppManifestV1_1.xsd");
        schema = factory.newSchema(entry);
    }

    @AfterAll
    static void close() {
        services.close();
    }

    private static String manifestServedAt(WebSettings settings) {
        String[] body = new String[1];
        JavalinTest.test(App.create(services, settings), (server, client) -> {
            var response = client.get("/addin/manifest.xml");
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.headers().get("Content-Type").get(0)).startsWith("application/xml");
            body[0] = response.body().string();
        });
        return body[0];
    }

    private static String publicManifest() {
        return manifestServedAt(new WebSettings(Optional.of(PUBLIC_URL), Optional.empty()));
    }

    /** Every schema error, not only the first. */
    private static List<String> schemaErrors(String xml) throws Exception {
        List<String> errors = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        validator.validate(new StreamSource(new StringReader(xml)));
        return errors;
    }

    private static List<String> urls(String xml) {
        List<String> urls = new ArrayList<>();
        Matcher m = Pattern.compile("(?:DefaultValue=\"|<SourceLocation DefaultValue=\")(https?://[^\"]+)\"").matcher(xml);
        while (m.find()) {
            urls.add(m.group(1));
        }
        return urls;
    }

    @Test
    void servedManifestValidatesAgainstTheOfficeAddinSchema() throws Exception {
        assertThat(schemaErrors(publicManifest())).isEmpty();
    }

    @Test
    void everyUrlInTheManifestPointsAtTheConfiguredPublicAddressOverHttps() {
        String xml = publicManifest();

        assertThat(xml).doesNotContain("{BASE_URL}");
        assertThat(urls(xml)).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(url -> assertThat(url).startsWith("https://kostra.baerum.kommune.no/addin/"));
        assertThat(xml).contains("<SourceLocation DefaultValue=\"https://kostra.baerum.kommune.no/addin/taskpane/taskpane.html\"/>");
    }

    @Test
    void manifestKeepsItsIdWhateverTheAddress() {
        String other = manifestServedAt(new WebSettings(Optional.of(URI.create("https://kostra.asker.kommune.no/")), Optional.empty()));

        assertThat(publicManifest()).contains("<Id>" + ADDIN_ID + "</Id>");
        assertThat(other).contains("<Id>" + ADDIN_ID + "</Id>")
                .contains("https://kostra.asker.kommune.no/addin/taskpane/taskpane.html")
                .doesNotContain("kommune.no//addin");
    }

    @Test
    void withoutAPublicAddressTheManifestNamesTheAddressItWasAskedAt() {
        String[] body = new String[1];
        JavalinTest.test(App.create(services), (server, client) -> {
            body[0] = client.get("/addin/manifest.xml").body().string();
            assertThat(urls(body[0])).allSatisfy(url -> assertThat(url).startsWith("http://127.0.0.1:" + server.port() + "/addin/"));
        });
    }

    @Test
    void declaresTheCustomFunctionsInTheirOwnRuntimeAndTheRibbonButton() {
        String xml = publicManifest();

        assertThat(xml).contains("<ExtensionPoint xsi:type=\"CustomFunctions\">")
                .contains("<bt:String id=\"Functions.Namespace\" DefaultValue=\"KOSTRA\"/>")
                .contains("<Action xsi:type=\"ShowTaskpane\">")
                .doesNotContain("<Runtimes>")
                .contains("<Set Name=\"ExcelApi\" MinVersion=\"1.4\"/>");
    }

    @Test
    void schemaRejectsAManifestWithItsElementsOutOfOrder() throws Exception {
        String broken = publicManifest().replaceFirst("(<Version>[^<]*</Version>)\\s*(<ProviderName>[^<]*</ProviderName>)", "$2$1");

        assertThat(schemaErrors(broken)).anySatisfy(e -> assertThat(e).startsWith("cvc-complex-type.2.4.a"));
    }

    @Test
    void schemaRejectsAnIdThatIsNotAGuid() throws Exception {
        String broken = publicManifest().replace(ADDIN_ID, "kostra-addin");

        assertThat(schemaErrors(broken)).anySatisfy(e -> assertThat(e).startsWith("cvc-pattern-valid").contains("kostra-addin"));
    }

    @Test
    void schemaRejectsAnUnknownElementAndTheSharedRuntimeThisSchemaPredates() throws Exception {
        String unknown = publicManifest().replace("</Permissions>", "</Permissions><Kommune>Bærum</Kommune>");
        String sharedRuntime = publicManifest().replace("<AllFormFactors>",
                "<Runtimes><Runtime resid=\"Taskpane.Url\" lifetime=\"long\"/></Runtimes><AllFormFactors>");

        assertThat(schemaErrors(unknown)).anySatisfy(e -> assertThat(e).startsWith("cvc-complex-type.2.4.a").contains("Kommune"));
        assertThat(schemaErrors(sharedRuntime)).anySatisfy(e -> assertThat(e).contains("Runtimes"));
    }

    @Test
    void aPublicAddressThatIsNotHttpIsRefusedWithItsValue() {
        assertThatThrownBy(() -> no.kostra.addin.AddinTemplates.fromClasspath().manifest(URI.create("ftp://kostra.example")))
                .hasMessage("Den offentlige adressen må være en http(s)-adresse uten spørring, som https://kostra.kommune.no,"
                        + " fikk 'ftp://kostra.example'");
    }

    @Test
    void everyResourceIdTheManifestUsesIsDeclared() {
        // The schema checks neither: a resid must name a resource, and an id must be declared once.
        String xml = publicManifest();
        List<String> declared = matches(xml, "<bt:(?:Image|Url|String) id=\"([^\"]+)\"");
        List<String> used = matches(xml, "resid=\"([^\"]+)\"");

        assertThat(declared).doesNotHaveDuplicates();
        assertThat(declared).containsAll(used);
        assertThat(used).containsAll(declared);
    }

    @Test
    void everyFileTheManifestNamesIsServed() {
        JavalinTest.test(App.create(services), (server, client) -> {
            String base = "http://127.0.0.1:" + server.port();
            List<String> files = urls(client.get("/addin/manifest.xml").body().string());
            for (String url : files) {
                var response = client.get(url.substring(base.length()));
                assertThat(response.code()).as(url).isEqualTo(200);
                assertThat(response.body().string()).as(url).isNotEmpty();
            }
            assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        });
    }

    @Test
    void theWorksheetFunctionsScriptCallsTheServiceAtItsPublicAddress() {
        JavalinTest.test(App.create(services, new WebSettings(Optional.of(PUBLIC_URL), Optional.empty())), (server, client) -> {
            String script = client.get("/addin/functions/functions.js").body().string();

            assertThat(script).contains("var BASE_URL = \"https://kostra.baerum.kommune.no\";").doesNotContain("{BASE_URL}");
            assertThat(client.get("/addin/functions/functions.json").body().string()).contains("\"id\": \"VERDI\"");
        });
    }

    private static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
